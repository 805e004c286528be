package ingest

import (
	"context"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/kafkatopic"
	"github.com/credwatch/credwatch/internal/retry"
	"github.com/credwatch/credwatch/store"
)

// publish writes msgs (PublishMessages of stored events) to Publish, after
// the events are stored and before their batch is committed, retrying only
// what was not delivered. A crash between the two publishes the batch again
// on replay: detection sees an event at least once, and its alert ids
// absorb the repeat.
func (s *Sink) publish(ctx context.Context, msgs []kafka.Message) error {
	if len(msgs) == 0 {
		return nil
	}
	return s.retry(ctx, componentPublish, 0, func(ctx context.Context) error {
		var err error
		msgs, err = kafkatopic.Unwritten(msgs, s.Publish.WriteMessages(ctx, msgs...))
		return err
	})
}

// Frame bounds: a frame stays well under a produce request (MaxBatchBytes).
const (
	frameBytes  = 256 << 10
	frameEvents = 1000
)

// PublishMessages are records as detection reads them: wire frames, each
// holding events whose principal (event.PartitionKey) hashes to the same of
// the topic's partitions, in batch order, routed there (kafkatopic.Routed),
// at the earliest Kafka time of their messages. One message per frame, not
// per event: producing is most of what publishing costs.
func PublishMessages(records []store.Record, partitions int) []kafka.Message {
	partitions = max(partitions, 1)
	hash := kafkatopic.NewPartitioner(partitions)
	frames := make(map[int]*frame)
	var msgs []kafka.Message
	for i := range records {
		ev := &records[i].Event
		p := hash.Of(ev.PartitionKey())
		f := frames[p]
		if f == nil {
			f = &frame{key: ev.PartitionKey(), at: records[i].Origin.Time}
			frames[p] = f
		}
		f.Add(ev)
		f.at = minTime(f.at, records[i].Origin.Time)
		if f.Len() >= frameEvents || f.Size() >= frameBytes {
			msgs = append(msgs, f.message(p))
			delete(frames, p)
		}
	}
	for p := range partitions {
		if f := frames[p]; f != nil {
			msgs = append(msgs, f.message(p))
		}
	}
	return msgs
}

type frame struct {
	event.WireFrame
	key string
	at  time.Time
}

func (f *frame) message(p int) kafka.Message {
	return kafka.Message{Partition: p, Key: []byte(f.key), Value: f.Bytes(), Time: f.at, Headers: kafkatopic.WireHeaders()}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// publishBatch is how many frames a produce request carries, at most (the
// request is bounded by MaxBatchBytes first).
const publishBatch = 100

// newPublisher creates the publish topic like the events topic when
// missing (retrying while Kafka is unreachable) and returns its writer and
// its partition count.
func newPublisher(ctx context.Context, sc ServiceConfig, cfg Config, d Deps) (*kafka.Writer, int, error) {
	client := kafkatopic.NewClient(sc.Kafka.Brokers)
	r := retry.Retrier{Clock: d.Clock, Health: d.Health, Log: d.Log, Max: 5 * time.Second}
	n := 0
	if err := r.Do(ctx, componentPublish, 0, func(ctx context.Context) error {
		err := kafkatopic.EnsureLike(ctx, client, sc.PublishTopic, cfg.Topic)
		if err == nil {
			n, err = kafkatopic.Partitions(ctx, client, sc.PublishTopic)
		}
		return err
	}); err != nil {
		return nil, 0, err
	}
	return &kafka.Writer{Addr: kafka.TCP(sc.Kafka.Brokers...), Topic: sc.PublishTopic, Balancer: kafkatopic.Routed{},
		RequiredAcks: kafka.RequireAll, BatchSize: publishBatch, BatchBytes: kafkatopic.MaxBatchBytes, BatchTimeout: 5 * time.Millisecond}, n, nil
}
