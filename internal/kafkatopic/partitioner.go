package kafkatopic

import (
	"slices"

	"github.com/segmentio/kafka-go"
)

// Partitioner is kafka-go's Hash balancer (FNV-1a, Sarama-compatible) over
// n partitions: where a key's messages go.
type Partitioner struct {
	hash       kafka.Hash
	partitions []int
}

// NewPartitioner is the partitioner of a topic with n partitions.
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

// Routed sends a message to the partition it names (Message.Partition),
// chosen by its producer for all the keys it holds; a partition the topic
// lacks (it changed since) falls back to hashing the key.
type Routed struct{}

// Balance implements kafka.Balancer.
func (Routed) Balance(msg kafka.Message, partitions ...int) int {
	if slices.Contains(partitions, msg.Partition) {
		return msg.Partition
	}
	return (&kafka.Hash{}).Balance(msg, partitions...)
}
