package respond

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/store"
)

// Kafka and store wrappers of the offsets test.

// flakyStore fails the outbox's inserts: the insert that holds the
// from-th intent and before more of them fail without writing, then after
// of them write and fail (the answer lost). The first failure waits for
// the test's release and remembers the credentials it held.
type flakyStore struct {
	Store
	from, before, after int
	blocked, release    chan struct{}
	mu                  sync.Mutex
	written, failed     int
	failing             map[string]bool // credentials of the first failed insert
}

func (s *flakyStore) InsertRows(ctx context.Context, r store.Rows) error {
	if r.Table != "response_intents" {
		return s.Store.InsertRows(ctx, r)
	}
	k, first := s.attempt(r)
	if first {
		close(s.blocked)
		select {
		case <-s.release:
		case <-ctx.Done():
		}
	}
	switch {
	case k < 0 || k >= s.before+s.after:
	case k < s.before:
		return errors.New("test: clickhouse refused the insert")
	default:
		if err := s.Store.InsertRows(ctx, r); err != nil {
			return err
		}
		return errors.New("test: the insert's answer was lost")
	}
	if err := s.Store.InsertRows(ctx, r); err != nil {
		return err
	}
	s.mu.Lock()
	s.written += newIntents(r)
	s.mu.Unlock()
	return nil
}

// attempt numbers an insert among the failing ones (-1: not failing).
func (s *flakyStore) attempt(r store.Rows) (k int, first bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.failed == 0 && s.written+newIntents(r) < s.from {
		return -1, false
	}
	if s.failed == 0 {
		s.failing = map[string]bool{}
		for _, row := range r.Values {
			s.failing[row[6].(string)] = true
		}
	}
	s.failed++
	return s.failed - 1, s.failed == 1
}

// newIntents counts the intents rows start (their first transition).
func newIntents(r store.Rows) int {
	n := 0
	for _, row := range r.Values {
		if row[2].(uint32) == 1 {
			n++
		}
	}
	return n
}

// produce writes msgs to the alerts topic as the detection stage does.
func produce(t *testing.T, brokers []string, msgs []kafka.Message) {
	w := alertsink.NewWriter(brokers)
	defer w.Close()
	require.NoError(t, w.WriteMessages(context.Background(), msgs...))
}

// committed is the group's next offset to read per partition.
func committed(t *testing.T, broker, group string) map[int]int64 {
	c := &kafka.Client{Addr: kafka.TCP(broker)}
	got, err := c.OffsetFetch(context.Background(), &kafka.OffsetFetchRequest{GroupID: group,
		Topics: map[string][]int{alertsink.DefaultTopic: {0, 1}}})
	require.NoError(t, err)
	out := map[int]int64{}
	for _, p := range got.Topics[alertsink.DefaultTopic] {
		out[p.Partition] = max(p.CommittedOffset, 0)
	}
	return out
}

// fetchLog remembers every message the consume loop fetched.
type fetchLog struct {
	*kafka.Reader
	mu  sync.Mutex
	all []kafka.Message
}

func (f *fetchLog) FetchMessage(ctx context.Context) (kafka.Message, error) {
	m, err := f.Reader.FetchMessage(ctx)
	if err == nil {
		f.mu.Lock()
		f.all = append(f.all, m)
		f.mu.Unlock()
	}
	return m, err
}

// fetched is every message fetched so far.
func (f *fetchLog) fetched() []kafka.Message {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]kafka.Message(nil), f.all...)
}
