package live

import (
	"context"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
)

// source hands out n messages, then blocks until ctx ends.
type source struct{ n, next int }

func (s *source) FetchMessage(ctx context.Context) (kafka.Message, error) {
	if s.next < s.n {
		s.next++
		return kafka.Message{Offset: int64(s.next - 1)}, nil
	}
	<-ctx.Done()
	return kafka.Message{}, ctx.Err()
}

// handClock's timers fire only when the test says so.
type handClock struct{ fire chan time.Time }

func (c handClock) Now() time.Time                       { return time.Unix(0, 0) }
func (c handClock) After(time.Duration) <-chan time.Time { return c.fire }

func TestBatchesAreCutBySizeThenByAge(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	f := startFetch(ctx, &source{n: 25}, 10, kafka.Message{Offset: -1})
	clk := handClock{fire: make(chan time.Time)}
	for _, want := range []int64{-1, 9} {
		b, err := f.batch(clk, 10, time.Second)
		require.NoError(t, err)
		require.Len(t, b, 10, "a full batch")
		require.Equal(t, want, b[0].Offset, "the read-ahead message first, then in order")
	}
	testenv.Eventually(t, 10*time.Second, "the rest read ahead", func() bool { return len(f.msgs) == 6 })
	go func() { clk.fire <- time.Time{} }()
	b, err := f.batch(clk, 10, time.Second)
	require.NoError(t, err)
	require.Len(t, b, 6, "the rest, cut by age")
	cancel()
	b, err = f.batch(clk, 10, time.Second)
	require.NoError(t, err, "a stop is not an error")
	require.Empty(t, b)
}

// permanentErr is not retryable.
func TestMetricsRegister(t *testing.T) {
	require.NotNil(t, NewMetrics(prometheus.NewRegistry()))
}
