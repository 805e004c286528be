package ingest

import (
	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/store"
)

// Batch is a run of consecutive messages, decoded: every message is either a
// record to store or a rejection to dead-letter. Last holds the last message
// of each partition, which is what gets committed once the batch is durable.
type Batch struct {
	Records []store.Record
	Rejects []Reject
	Last    []kafka.Message
}

// Reject is one message that failed decoding, already scrubbed.
type Reject struct {
	Msg kafka.Message // Value scrubbed of credential material
	Err *decode.Error
}

// Size is the number of messages in the batch.
func (b *Batch) Size() int { return len(b.Records) + len(b.Rejects) }

// lastPerPartition returns the highest-offset message of each partition.
func lastPerPartition(msgs []kafka.Message) []kafka.Message {
	idx := map[int]int{}
	var out []kafka.Message
	for _, m := range msgs {
		if i, ok := idx[m.Partition]; ok {
			if m.Offset > out[i].Offset {
				out[i] = m
			}
			continue
		}
		idx[m.Partition] = len(out)
		out = append(out, m)
	}
	return out
}
