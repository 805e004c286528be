package ingest

import (
	"context"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/internal/kafkatopic"
	"github.com/credwatch/credwatch/internal/retry"
	"github.com/credwatch/credwatch/store"
)

// publish writes the batch's events to Publish, after they are stored and
// before the batch is committed, retrying only what was not delivered. A
// crash between the two publishes the batch again on replay: detection
// sees an event at least once, and its alert ids absorb the repeat.
func (s *Sink) publish(ctx context.Context, b *Batch) error {
	if s.Publish == nil || len(b.Records) == 0 {
		return nil
	}
	msgs := PublishMessages(b.Records)
	return s.retry(ctx, componentPublish, 0, func(ctx context.Context) error {
		var err error
		msgs, err = kafkatopic.Unwritten(msgs, s.Publish.WriteMessages(ctx, msgs...))
		return err
	})
}

// PublishMessages are records as detection reads them (see
// kafkatopic.WireMessage), at their messages' Kafka times.
func PublishMessages(records []store.Record) []kafka.Message {
	msgs := make([]kafka.Message, len(records))
	for i := range records {
		msgs[i] = kafkatopic.WireMessage(&records[i].Event, records[i].Origin.Time)
	}
	return msgs
}

// publishBatch is how many messages a produce request carries, at most (about
// 1 MB of wire events).
const publishBatch = 4000

// newPublisher creates the publish topic like the events topic when
// missing (retrying while Kafka is unreachable) and returns its writer.
func newPublisher(ctx context.Context, sc ServiceConfig, cfg Config, d Deps) (*kafka.Writer, error) {
	client := kafkatopic.NewClient(sc.Kafka.Brokers)
	r := retry.Retrier{Clock: d.Clock, Health: d.Health, Log: d.Log, Max: 5 * time.Second}
	if err := r.Do(ctx, componentPublish, 0, func(ctx context.Context) error {
		return kafkatopic.EnsureLike(ctx, client, sc.PublishTopic, cfg.Topic)
	}); err != nil {
		return nil, err
	}
	return &kafka.Writer{Addr: kafka.TCP(sc.Kafka.Brokers...), Topic: sc.PublishTopic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: publishBatch, BatchBytes: kafkatopic.MaxBatchBytes, BatchTimeout: 5 * time.Millisecond}, nil
}
