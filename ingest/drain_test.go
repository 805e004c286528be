package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// backlogInput is n messages spread at random over parts partitions, each
// with the high watermark its partition has once waiting[p] more follow.
func backlogInput(rng *rand.Rand, n int, waiting []int64) []kafka.Message {
	one := `{"id":"e-%d","time":"2026-11-20T08:00:00Z","action":"token.use","tenant":"acme","actor":{"id":"u"}}`
	counts := make([]int64, len(waiting))
	msgs := make([]kafka.Message, n)
	for i := range msgs {
		p := rng.IntN(len(waiting))
		msgs[i] = kafka.Message{Topic: "t", Partition: p, Offset: counts[p], Value: fmt.Appendf(nil, one, i)}
		counts[p]++
	}
	for i := range msgs {
		msgs[i].HighWaterMark = counts[msgs[i].Partition] + waiting[msgs[i].Partition]
	}
	return msgs
}

// TestDrainEndsAtEveryPartitionsEnd: after a Backlog batch, the drain is
// over at the message that leaves no partition with messages waiting,
// whichever partition ends last; batches cut by size carry it on, one cut
// by age ends it; a live stream (nothing waiting past each message, batches
// cut by size) never drains.
func TestDrainEndsAtEveryPartitionsEnd(t *testing.T) {
	for seed := range uint64(8) {
		rng := rand.New(rand.NewPCG(seed, 5))
		msgs := backlogInput(rng, 20+rng.IntN(200), make([]int64, 1+rng.IntN(4)))
		d := newBacklogDrain()
		d.cut(true, true)
		for i, m := range msgs {
			d.see(m)
			if i%7 == 6 {
				d.cut(false, true)
			}
			require.Equal(t, i == len(msgs)-1, d.drained(), "seed %d message %d of %d", seed, i, len(msgs))
		}
		d.cut(false, false)
		require.False(t, d.drained(), "a batch cut by age ends the drain")

		live := newBacklogDrain()
		for i, m := range msgs {
			m.HighWaterMark = m.Offset + 1
			live.see(m)
			if i%7 == 6 {
				live.cut(false, true)
			}
			require.False(t, live.drained(), "seed %d: a live stream has no backlog to drain", seed)
		}
	}
}

// TestDrainWaitsForALaggingPartition: a partition with messages still
// waiting keeps the drain going although the others are at their ends.
func TestDrainWaitsForALaggingPartition(t *testing.T) {
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 6))
		waiting := make([]int64, 2+rng.IntN(3))
		waiting[rng.IntN(len(waiting))] = 1 + rng.Int64N(50)
		d := newBacklogDrain()
		d.cut(true, true)
		for _, m := range backlogInput(rng, 50+rng.IntN(100), waiting) {
			d.see(m)
			require.False(t, d.drained(), "seed %d: waiting %v", seed, waiting)
		}
	}
}

// blockedFetcher hands out msgs, then waits for the end of the context, as
// a consumer does once it has read everything there is.
type blockedFetcher struct{ listFetcher }

func (f *blockedFetcher) FetchMessage(ctx context.Context) (kafka.Message, error) {
	f.mu.Lock()
	if len(f.msgs) == 0 {
		f.mu.Unlock()
		<-ctx.Done()
		return kafka.Message{}, ctx.Err()
	}
	f.mu.Unlock()
	return f.listFetcher.FetchMessage(ctx)
}

// countingSink counts the records it has consumed.
type countingSink struct {
	mu      sync.Mutex
	records int
}

func (c *countingSink) ConsumeBatch(_ context.Context, b *Batch) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.records += len(b.Records)
	return nil
}

func (c *countingSink) count() int { c.mu.Lock(); defer c.mu.Unlock(); return c.records }

// holdingSink counts too, and is a Flusher, as the Sink that groups
// INSERTs is: it gets Backlog batches and deadlines of its own.
type holdingSink struct{ countingSink }

func (*holdingSink) Flush(context.Context) error { return nil }

// TestTheLastOfABacklogIsNotHeldBack: with a backlog of several batches and
// a clock whose batch timeout never fires, the last, partial batch is still
// handed on once every partition is read to its end — for any number of
// partitions, interleaving and remainder, and whether the consumer holds
// batches back (a Flusher) or not.
func TestTheLastOfABacklogIsNotHeldBack(t *testing.T) {
	for seed := range uint64(6) {
		rng := rand.New(rand.NewPCG(seed, 7))
		size := 5 + rng.IntN(20)
		n := size*(2+rng.IntN(5)) + 1 + rng.IntN(size-1)
		msgs := backlogInput(rng, n, make([]int64, 1+rng.IntN(4)))
		got := &holdingSink{}
		var next BatchConsumer = got
		if seed%2 == 0 {
			next = &got.countingSink // even seeds: a consumer that holds nothing back
		}
		p := NewPipeline(Config{BatchSize: size}, &blockedFetcher{listFetcher{msgs: msgs}},
			func() *decode.Decoder { return testDecoders(t, 1)[0] },
			next, stillClock{}, NewMetrics(prometheus.NewRegistry()), slog.New(slog.DiscardHandler))
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error, 1)
		go func() { done <- p.Run(ctx) }()
		require.Eventually(t, func() bool { return got.count() == n }, 10*time.Second, time.Millisecond,
			"seed %d: not all %d records handed on before shutdown (batch size %d)", seed, n, size)
		cancel()
		require.NoError(t, <-done)
	}
}
