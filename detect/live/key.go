package live

import "github.com/credwatch/credwatch/internal/kafkatopic"

// Partitioner maps keys to partitions exactly as kafka-go's kafka.Hash{}
// balancer does (FNV-1a, Sarama-compatible), the balancer producers use.
type Partitioner = kafkatopic.Partitioner

// NewPartitioner maps keys onto n partitions (n > 0).
func NewPartitioner(n int) *Partitioner { return kafkatopic.NewPartitioner(n) }
