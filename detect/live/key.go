package live

import (
	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/event"
)

// Key is an event's partitioning key: its credential (token id, else secret
// id), else its actor id. The producers (package produce) and the re-key
// stage key messages by it, so one credential's events share a partition.
func Key(ev *event.Event) string {
	if c := ev.Credential(); c != "" {
		return c
	}
	return ev.Actor.ID
}

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
