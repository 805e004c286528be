package ingest

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/store"
)

// journal records the order of side effects across fakes.
type journal struct {
	mu     sync.Mutex
	events []string
}

func (j *journal) add(s string) { j.mu.Lock(); j.events = append(j.events, s); j.mu.Unlock() }

type flakyStore struct {
	j        *journal
	failures int
}

func (s *flakyStore) InsertEvents(_ context.Context, recs []store.Record, _ time.Time) error {
	if s.failures > 0 {
		s.failures--
		s.j.add("insert failed")
		return errors.New("connection refused")
	}
	s.j.add("insert")
	return nil
}

type fakeWriter struct{ j *journal }

func (w fakeWriter) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	w.j.add("dead-letter")
	return nil
}

type fakeCommitter struct {
	j         *journal
	committed []kafka.Message
}

func (c *fakeCommitter) CommitMessages(_ context.Context, msgs ...kafka.Message) error {
	c.j.add("commit")
	c.committed = append(c.committed, msgs...)
	return nil
}

func newTestSink(j *journal, st EventStore, c Committer) (*Sink, *health.Registry) {
	clk := clock.NewStep(time.Unix(1_800_000_000, 0)) // every backoff elapses at once
	h := health.New(clk.Now)
	return &Sink{Store: st, DeadLetter: fakeWriter{j}, DLQTopic: "dlq", Commit: c, Clock: clk, Health: h,
		Metrics: NewMetrics(prometheus.NewRegistry()), Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		MaxBackoff: time.Second}, h
}

func TestSinkCommitsOnlyAfterDurable(t *testing.T) {
	j := &journal{}
	st := &flakyStore{j: j, failures: 3}
	c := &fakeCommitter{j: j}
	sink, h := newTestSink(j, st, c)
	b := &Batch{
		Records: []store.Record{{}},
		Rejects: []Reject{{Msg: kafka.Message{Topic: "t", Partition: 1, Offset: 4}, Err: &decode.Error{Reason: decode.ReasonNotJSON}}},
		Last:    []kafka.Message{{Partition: 0, Offset: 9}, {Partition: 1, Offset: 4}},
	}
	require.NoError(t, sink.ConsumeBatch(context.Background(), b))
	require.Equal(t, []string{"insert failed", "insert failed", "insert failed", "insert", "dead-letter", "commit"}, j.events)
	require.Equal(t, b.Last, c.committed)
	require.True(t, h.Healthy(), "recovered after the retries")
}

func TestSinkGivesUpWithoutCommitWhenStopped(t *testing.T) {
	j := &journal{}
	c := &fakeCommitter{j: j}
	ctx, cancel := context.WithCancel(context.Background())
	sink, h := newTestSink(j, storeFunc(func() error { cancel(); return errors.New("down") }), c)
	err := sink.ConsumeBatch(ctx, &Batch{Records: []store.Record{{}}, Last: []kafka.Message{{Offset: 1}}})
	require.ErrorIs(t, err, context.Canceled)
	require.Empty(t, c.committed, "a batch that is not durable is never committed")
	require.False(t, h.Healthy())
	require.Contains(t, h.Snapshot()["clickhouse"].Error, "down")
}

type storeFunc func() error

func (f storeFunc) InsertEvents(context.Context, []store.Record, time.Time) error { return f() }
