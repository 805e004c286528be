package ingest

import "github.com/segmentio/kafka-go"

// durable is what waits for an INSERT: the stored events to publish, the
// rejects to dead-letter, and the last message of each partition to commit.
type durable struct {
	stored  int
	publish []kafka.Message
	rejects []Reject
	last    []kafka.Message
}

// durableOf is what b's INSERT settles. The publish messages are built now:
// b's records are reused once the sink returns.
func (s *Sink) durableOf(b *Batch) durable {
	d := durable{stored: len(b.Records), rejects: b.Rejects, last: b.Last}
	if s.Publish != nil && len(b.Records) > 0 {
		d.publish = PublishMessages(b.Records, s.PublishPartitions)
	}
	return d
}

// add appends o, which follows d in the stream.
func (d *durable) add(o durable) {
	d.stored += o.stored
	d.publish = append(d.publish, o.publish...)
	d.rejects = append(d.rejects, o.rejects...)
	d.last = lastPerPartition(append(d.last, o.last...))
}
