package live

import (
	"github.com/segmentio/kafka-go"
)

// Partitioner maps keys to partitions exactly as kafka-go's kafka.Hash{}
// balancer does (FNV-1a, Sarama-compatible), the balancer producers use.
type Partitioner struct {
	partitions []int
	hash       kafka.Hash
}

// NewPartitioner maps keys onto n partitions (n > 0).
func NewPartitioner(n int) *Partitioner {
	p := &Partitioner{partitions: make([]int, n)}
	for i := range p.partitions {
		p.partitions[i] = i
	}
	return p
}

// Of is the partition of key. Not safe for concurrent use.
func (p *Partitioner) Of(key string) int {
	return p.hash.Balance(kafka.Message{Key: []byte(key)}, p.partitions...)
}
