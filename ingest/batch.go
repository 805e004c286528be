package ingest

import (
	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/store"
)

// Batch is a run of consecutive messages, decoded: each message gives records
// to store (none, one, or a CloudTrail file's many), a rejection to
// dead-letter, or both when some records of a file are bad. Last holds the
// last message of each topic partition, which is what gets committed once
// the batch is durable.
type Batch struct {
	Records []store.Record
	Rejects []Reject
	Skipped int // messages that hold no event to keep (see decode's skip)
	Last    []kafka.Message
	Bytes   int  // of its messages
	Backlog bool // cut by a size bound, with at least as many messages again waiting in the partitions read
	// After estimates the message bytes waiting after a Backlog batch in
	// the partitions read: the messages waiting times the batch's mean size.
	After int64
}

// Reject is one message that failed decoding, already scrubbed.
type Reject struct {
	Msg kafka.Message // Value scrubbed of credential material
	Err *decode.Error
}

// Size is the number of records and rejects in the batch.
func (b *Batch) Size() int { return len(b.Records) + len(b.Rejects) }

// topicPartition names one partition of one topic.
type topicPartition struct {
	topic     string
	partition int
}

// lastPerPartition returns the highest-offset message of each topic partition.
func lastPerPartition(msgs []kafka.Message) []kafka.Message {
	idx := map[topicPartition]int{}
	var out []kafka.Message
	for _, m := range msgs {
		tp := topicPartition{m.Topic, m.Partition}
		if i, ok := idx[tp]; ok {
			if m.Offset > out[i].Offset {
				out[i] = m
			}
			continue
		}
		idx[tp] = len(out)
		out = append(out, m)
	}
	return out
}
