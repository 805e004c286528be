package ingest

import (
	"context"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/retry"
	"github.com/credwatch/credwatch/store"
)

// EventStore is where records become durable.
type EventStore interface {
	InsertEvents(ctx context.Context, records []store.Record, ingestedAt time.Time) error
}

// MessageWriter writes Kafka messages (the dead-letter topic).
type MessageWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Committer commits consumer-group offsets.
type Committer interface {
	CommitMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Sink makes a batch durable, then commits it: insert the records, publish
// them (with Publish) for detection, write the rejects to the dead-letter
// topic, commit the last offset of each partition.
// Inserts and dead-letter writes are retried until they succeed or ctx ends;
// a batch that is not durable is never committed.
type Sink struct {
	Store      EventStore
	DeadLetter MessageWriter
	DLQTopic   string
	// Publish, when set, receives each stored event's wire form keyed by its
	// principal (see PublishMessages): detection reads it instead of
	// decoding the events topic again.
	Publish           MessageWriter
	PublishPartitions int // of Publish's topic
	Commit            Committer
	Clock             clock.Clock
	Health            *health.Registry
	Metrics           *Metrics
	Log               *slog.Logger
	MaxBackoff        time.Duration
	// InsertBytes, when the store groups inserts (GroupStore), is how many
	// message bytes of consecutive full batches one INSERT may carry; 0: an
	// INSERT per batch.
	InsertBytes int
	// InsertsInFlight is how many grouped INSERTs may run at once (the
	// server writes each on its own thread); at least 1.
	InsertsInFlight int

	assembling *insertGroup   // batches join it; nil: take a spare
	flights    []*flight      // INSERTs sent and not yet settled, oldest first
	spare      []*insertGroup // settled groups, emptied for reuse
}

// Components named in health and retry metrics.
const (
	componentClickHouse = "clickhouse"
	componentDeadLetter = "dead_letter"
	componentPublish    = "publish"
	componentCommit     = "kafka_commit"
)

// maxCommitAttempts bounds commit retries: after a rebalance a commit can
// fail for good; the data is durable, and a replay collapses on the table key.
const maxCommitAttempts = 5

// ConsumeBatch makes b durable and commits it; when the store groups
// inserts, a full batch may instead wait in the group for the next one
// (see group).
func (s *Sink) ConsumeBatch(ctx context.Context, b *Batch) error {
	if s.grouping() {
		return s.group(ctx, b)
	}
	start := s.Clock.Now()
	if err := s.retry(ctx, componentClickHouse, 0, func(ctx context.Context) error {
		return s.Store.InsertEvents(ctx, b.Records, s.Clock.Now())
	}); err != nil {
		return err
	}
	s.Metrics.insertSecs.Observe(s.Clock.Now().Sub(start).Seconds())
	s.Metrics.observeDecoded(b)
	d := s.durableOf(b)
	return s.settle(ctx, &d)
}

// settle follows an INSERT: it publishes the stored events, dead-letters
// the rejects and commits the last offset of each partition.
func (s *Sink) settle(ctx context.Context, d *durable) error {
	if err := s.publish(ctx, d.publish); err != nil {
		return err
	}
	if len(d.rejects) > 0 {
		msgs := deadLetters(s.DLQTopic, d.rejects)
		if err := s.retry(ctx, componentDeadLetter, 0, func(ctx context.Context) error {
			return s.DeadLetter.WriteMessages(ctx, msgs...)
		}); err != nil {
			return err
		}
	}
	s.Metrics.observeDurable(d)
	if len(d.last) == 0 {
		return nil
	}
	if err := s.retry(ctx, componentCommit, maxCommitAttempts, func(ctx context.Context) error {
		return s.Commit.CommitMessages(ctx, d.last...)
	}); err != nil && ctx.Err() == nil {
		s.Log.Warn("offset commit abandoned; the batch is durable and a replay will collapse", "err", err)
	}
	return nil
}

// retry runs fn with the sink's backoff, health and retry metrics.
func (s *Sink) retry(ctx context.Context, component string, attempts int, fn func(context.Context) error) error {
	r := retry.Retrier{Clock: s.Clock, Health: s.Health, Log: s.Log, Max: s.MaxBackoff,
		OnRetry: func(c string) { s.Metrics.retries.WithLabelValues(c).Inc() }}
	return r.Do(ctx, component, attempts, fn)
}
