package ingest

import "github.com/segmentio/kafka-go"

// backlogDrain tells the batcher when a backlog has just drained, so that
// the batch holding its last messages is cut at once instead of waiting out
// BatchTimeout for messages that are not there: the last of a restart's or
// an outage's backlog would otherwise reach ClickHouse (and detection) up
// to a BatchTimeout late.
//
// A drain starts with a Backlog batch (at least a batch more waited in
// Kafka when it was cut by size); it goes on through batches cut by size,
// and ends when every partition seen is at its high watermark as of its
// fetch. A live stream never has a batch waiting, so it is batched by size
// and age as before: cutting whenever a fetch leaves nothing waiting would
// cut a busy live stream into one small INSERT per fetch.
type backlogDrain struct {
	lags     map[topicPartition]int64 // messages after the last one seen, per partition
	waiting  int64                    // sum of lags
	draining bool
}

func newBacklogDrain() *backlogDrain {
	return &backlogDrain{lags: map[topicPartition]int64{}}
}

// see records the lag after m, a message the batcher has just taken in.
func (d *backlogDrain) see(m kafka.Message) {
	tp, lag := topicPartition{m.Topic, m.Partition}, lagOf(m)
	d.waiting += lag - d.lags[tp]
	d.lags[tp] = lag
}

// cut records a batch handed on: one cut by size continues a drain, a
// Backlog one starts one, and any other (by age, or drained) ends it.
func (d *backlogDrain) cut(backlog, bySize bool) {
	d.draining = backlog || bySize && d.draining
}

// drained reports whether a drain has reached the end of every partition.
func (d *backlogDrain) drained() bool { return d.draining && d.waiting == 0 }
