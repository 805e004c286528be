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

// flakyStore fails the outbox's inserts: from the from-th on, before of
// them fail without writing, then after of them write and fail (the
// answer lost). The first failure waits for the test's release.
type flakyStore struct {
	Store
	from, before, after int
	blocked, release    chan struct{}
	mu                  sync.Mutex
	calls               int
}

func (s *flakyStore) InsertRows(ctx context.Context, r store.Rows) error {
	if r.Table != "response_intents" {
		return s.Store.InsertRows(ctx, r)
	}
	s.mu.Lock()
	s.calls++
	k := s.calls - s.from
	s.mu.Unlock()
	if k == 0 {
		close(s.blocked)
		select {
		case <-s.release:
		case <-ctx.Done():
		}
	}
	switch {
	case k < 0 || k >= s.before+s.after:
		return s.Store.InsertRows(ctx, r)
	case k < s.before:
		return errors.New("test: clickhouse refused the insert")
	}
	if err := s.Store.InsertRows(ctx, r); err != nil {
		return err
	}
	return errors.New("test: the insert's answer was lost")
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

// lastFetched remembers the message the consume loop is answering.
type lastFetched struct {
	*kafka.Reader
	mu   sync.Mutex
	last kafka.Message
	n    int
}

func (f *lastFetched) FetchMessage(ctx context.Context) (kafka.Message, error) {
	m, err := f.Reader.FetchMessage(ctx)
	if err == nil {
		f.mu.Lock()
		f.last, f.n = m, f.n+1
		f.mu.Unlock()
	}
	return m, err
}

// get is the last message fetched and how many were.
func (f *lastFetched) get() (kafka.Message, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last, f.n
}
