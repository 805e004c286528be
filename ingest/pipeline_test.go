package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// listFetcher hands out msgs, then io.EOF.
type listFetcher struct {
	mu   sync.Mutex
	msgs []kafka.Message
}

func (f *listFetcher) FetchMessage(context.Context) (kafka.Message, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.msgs) == 0 {
		return kafka.Message{}, io.EOF
	}
	m := f.msgs[0]
	f.msgs = f.msgs[1:]
	return m, nil
}

// batchSizes records how many records each batch held.
type batchSizes struct{ sizes []int }

func (b *batchSizes) ConsumeBatch(_ context.Context, batch *Batch) error {
	b.sizes = append(b.sizes, len(batch.Records)+len(batch.Rejects))
	return nil
}

// stillClock never lets a batch time out.
type stillClock struct{}

func (stillClock) Now() time.Time                       { return time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC) }
func (stillClock) After(time.Duration) <-chan time.Time { return nil }

// TestBatchesAreCutByBytes: a batch ends at BatchBytes of messages even
// when BatchSize is far off, whatever the messages' sizes and order.
func TestBatchesAreCutByBytes(t *testing.T) {
	msg := func(i, pad int) kafka.Message {
		v := `{"id":"e-` + string(rune('a'+i)) + `","time":"2026-11-20T08:00:00Z","action":"token.use","tenant":"acme",` +
			`"actor":{"id":"u"},"attrs":{"pad":"` + strings.Repeat("x", pad) + `"}}`
		return kafka.Message{Topic: "t", Offset: int64(i), Value: []byte(v)}
	}
	for name, c := range map[string]struct {
		pads  []int
		bytes int // in messages of pad 100
		want  []int
	}{
		"equal messages":   {[]int{100, 100, 100, 100, 100, 100, 100}, 3, []int{3, 3, 1}},
		"one large first":  {[]int{2000, 10, 10, 10, 10}, 3, []int{1, 4}},
		"one large last":   {[]int{10, 10, 10, 2000}, 3, []int{4}},
		"count bound wins": {[]int{10, 10, 10, 10, 10}, 1000, []int{2, 2, 1}},
	} {
		f := &listFetcher{}
		for i, pad := range c.pads {
			f.msgs = append(f.msgs, msg(i, pad))
		}
		got := &batchSizes{}
		size := 1000
		if name == "count bound wins" {
			size = 2
		}
		p := NewPipeline(Config{BatchSize: size, BatchBytes: c.bytes * len(msg(0, 100).Value)}, f, func() *decode.Decoder { return testDecoders(t, 1)[0] },
			got, stillClock{}, NewMetrics(prometheus.NewRegistry()), slog.New(slog.DiscardHandler))
		err := p.Run(t.Context())
		require.True(t, errors.Is(err, io.EOF), "%s: %v", name, err)
		require.Equal(t, c.want, got.sizes, name)
	}
}

// TestBatchesOutgrowTheFetchBuffer: the fetcher runs at most fetchAhead
// messages ahead of the batcher, and a batch still grows to its bounds
// beyond that, whether the count bound, the byte bound or the end of the
// input cuts it.
func TestBatchesOutgrowTheFetchBuffer(t *testing.T) {
	one := `{"id":"e-%d","time":"2026-11-20T08:00:00Z","action":"token.use","tenant":"acme","actor":{"id":"u"}}`
	n, size := 2*fetchAhead+7, len(fmt.Sprintf(one, 0))
	for name, c := range map[string]struct {
		cfg  Config
		want []int
	}{
		"defaults":    {Config{}, []int{n}},
		"count bound": {Config{BatchSize: fetchAhead + 1}, []int{fetchAhead + 1, fetchAhead + 1, 5}},
		"byte bound":  {Config{BatchBytes: (fetchAhead + 3) * size}, []int{fetchAhead + 3, fetchAhead + 3, 1}},
	} {
		f := &listFetcher{}
		for i := range n {
			f.msgs = append(f.msgs, kafka.Message{Topic: "t", Offset: int64(i), Value: fmt.Appendf(nil, one, i%10)})
		}
		got := &batchSizes{}
		p := NewPipeline(c.cfg, f, func() *decode.Decoder { return testDecoders(t, 1)[0] },
			got, stillClock{}, NewMetrics(prometheus.NewRegistry()), slog.New(slog.DiscardHandler))
		require.ErrorIs(t, p.Run(t.Context()), io.EOF, name)
		require.Equal(t, c.want, got.sizes, name)
	}
}

// batchLasts records each batch's size and what it commits: the last
// offset of each partition.
type batchLasts struct {
	sizes []int
	lasts []map[int]int64
}

func (b *batchLasts) ConsumeBatch(_ context.Context, batch *Batch) error {
	last := map[int]int64{}
	for _, m := range batch.Last {
		last[m.Partition] = m.Offset
	}
	b.sizes, b.lasts = append(b.sizes, batch.Size()), append(b.lasts, last)
	return nil
}

// TestBatchesPastTheFetchBufferCommitEachPartitionsLast: batches cut by
// bytes, each larger than the fetch buffer, over messages of three
// partitions interleaved at random, of several tenants, actors, times and
// sizes, each commit the last offset of every partition they hold.
func TestBatchesPastTheFetchBufferCommitEachPartitionsLast(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 13))
	tenants := []string{"acme", "globex", "initech"}
	next := map[int]int64{}
	var msgs []kafka.Message
	for i := range 3*fetchAhead + 501 {
		part := min(rng.IntN(5), 2) // partition 2 gets three fifths
		v := fmt.Sprintf(`{"id":"e-%d","time":"2026-11-20T%02d:%02d:00Z","action":"token.use","tenant":"%s",`+
			`"actor":{"id":"u%d"},"attrs":{"pad":"%s"}}`, i, rng.IntN(24), rng.IntN(60), tenants[rng.IntN(3)],
			rng.IntN(50), strings.Repeat("x", rng.IntN(400)))
		msgs = append(msgs, kafka.Message{Topic: "t", Partition: part, Offset: next[part], Value: []byte(v)})
		next[part]++
	}
	bound := 400 * fetchAhead // about 1.2 fetch buffers of messages
	want := &batchLasts{}
	for lo, bytes, last, i := 0, 0, map[int]int64{}, 0; i < len(msgs); i++ {
		bytes, last[msgs[i].Partition] = bytes+len(msgs[i].Value), msgs[i].Offset
		if bytes >= bound || i == len(msgs)-1 {
			want.sizes, want.lasts = append(want.sizes, i+1-lo), append(want.lasts, last)
			lo, bytes, last = i+1, 0, map[int]int64{}
		}
	}
	require.Greater(t, len(want.sizes), 2)
	require.Greater(t, want.sizes[0], fetchAhead)
	got := &batchLasts{}
	p := NewPipeline(Config{BatchBytes: bound}, &listFetcher{msgs: msgs}, func() *decode.Decoder { return testDecoders(t, 1)[0] },
		got, stillClock{}, NewMetrics(prometheus.NewRegistry()), slog.New(slog.DiscardHandler))
	require.ErrorIs(t, p.Run(t.Context()), io.EOF)
	require.Equal(t, want, got)
}

// backlogs records each batch's size and Backlog flag, and whether it was
// flushed at the end (a Flusher).
type backlogs struct {
	sizes   []int
	backlog []bool
	after   []int64
	flushed bool
}

func (b *backlogs) ConsumeBatch(_ context.Context, batch *Batch) error {
	b.sizes, b.backlog = append(b.sizes, batch.Size()), append(b.backlog, batch.Backlog)
	b.after = append(b.after, batch.After)
	return nil
}

func (b *backlogs) Flush(context.Context) error { b.flushed = true; return nil }

// TestBatchesSayWhetherABacklogFollows: a batch cut by its size bound is
// Backlog when at least as many messages again wait in the partitions read
// so far (as of their fetch), its own or not; one cut by the end of the
// input never is. A Backlog batch estimates the bytes waiting after it
// (After) from its messages' mean size. Partitions interleave at random,
// with lags of their own.
func TestBatchesSayWhetherABacklogFollows(t *testing.T) {
	one := `{"id":"e-%d","time":"2026-11-20T08:00:00Z","action":"token.use","tenant":"acme","actor":{"id":"u"}}`
	for seed := range uint64(10) {
		rng := rand.New(rand.NewPCG(seed, 11))
		parts, size := 1+rng.IntN(3), 5+rng.IntN(20)
		n := size*(2+rng.IntN(6)) + rng.IntN(size)
		waiting := make([]int64, parts) // messages left in each partition's log past the input
		for p := range waiting {
			waiting[p] = int64(rng.IntN(3 * size))
		}
		if seed == 0 { // the bound itself: exactly a batch waits after the first
			parts, size, n, waiting = 1, 10, 20, []int64{0}
		}
		counts := make([]int64, parts)
		var msgs []kafka.Message
		chunk := 1 + rng.IntN(2*size) // odd seeds: partitions in runs, as a consumer of several hands them on
		for i := range n {
			p := rng.IntN(parts)
			if seed%2 == 1 {
				p = i / chunk % parts
			}
			msgs = append(msgs, kafka.Message{Topic: "t", Partition: p, Offset: counts[p], Value: fmt.Appendf(nil, one, i)})
			counts[p]++
		}
		for i := range msgs { // the high watermark past each partition's last message of the input
			msgs[i].HighWaterMark = counts[msgs[i].Partition] + waiting[msgs[i].Partition]
		}
		var want []bool
		var after []int64
		for lo := 0; lo < n; lo += size {
			hi := min(lo+size, n)
			want = append(want, hi-lo == size && waitingAfter(msgs[:hi]) >= int64(size))
			after = append(after, 0)
			if want[len(want)-1] {
				after[len(after)-1] = waitingAfter(msgs[:hi]) * valueBytes(msgs[lo:hi]) / int64(hi-lo)
			}
		}
		got := &backlogs{}
		p := NewPipeline(Config{BatchSize: size}, &listFetcher{msgs: msgs}, func() *decode.Decoder { return testDecoders(t, 1)[0] },
			got, stillClock{}, NewMetrics(prometheus.NewRegistry()), slog.New(slog.DiscardHandler))
		require.ErrorIs(t, p.Run(t.Context()), io.EOF)
		require.Equal(t, want, got.backlog[:len(want)], "seed %d", seed)
		require.Equal(t, after, got.after[:len(after)], "seed %d", seed)
		if seed == 0 {
			require.Equal(t, []bool{true, false}, want)
		}
		require.True(t, got.flushed, "a Flusher is flushed when the input ends")
	}
}

// valueBytes is the bytes of msgs' values.
func valueBytes(msgs []kafka.Message) int64 {
	var n int64
	for _, m := range msgs {
		n += int64(len(m.Value))
	}
	return n
}

// waitingAfter is how many messages wait in Kafka after msgs, in the
// partitions they come from, as of each partition's last fetch.
func waitingAfter(msgs []kafka.Message) int64 {
	var n int64
	for _, m := range lastPerPartition(msgs) {
		n += lagOf(m)
	}
	return n
}
