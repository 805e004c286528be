package produce_test

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/produce"
)

// recorder keeps what was written.
type recorder struct{ batches [][]produce.Message }

func (r *recorder) Write(_ context.Context, m []produce.Message) error {
	r.batches = append(r.batches, append([]produce.Message(nil), m...))
	return nil
}
func (r *recorder) Close() error { return nil }

func (r *recorder) count() (n int) {
	for _, b := range r.batches {
		n += len(b)
	}
	return n
}

func newGen(t *testing.T) *gen.Generator {
	g, err := gen.New(gen.Config{Seed: 7, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	return g
}

func TestCountBoundsAndKeysByCredential(t *testing.T) {
	rec := &recorder{}
	n, err := produce.Run(context.Background(), newGen(t), produce.Options{Count: 2500}, rec, clock.NewStep(time.Time{}), nil)
	require.NoError(t, err)
	require.Equal(t, int64(2500), n)
	require.Equal(t, 2500, rec.count())
	for _, b := range rec.batches {
		require.LessOrEqual(t, len(b), 1000)
		for _, m := range b {
			var ev event.Event
			require.NoError(t, json.Unmarshal(m.Value, &ev))
			want := cmp.Or(ev.Token.Owner, ev.Actor.ID)
			require.Equal(t, want, string(m.Key), "partitioned by the token's owner, else the actor")
		}
	}
}

func TestRatePacesOverDuration(t *testing.T) {
	rec := &recorder{}
	clk := clock.NewStep(time.Unix(1_800_000_000, 0))
	n, err := produce.Run(context.Background(), newGen(t), produce.Options{Rate: 1000, Duration: 2 * time.Second}, rec, clk, nil)
	require.NoError(t, err)
	require.InDelta(t, 2000, n, 20, "1000/s for 2 s of (fake) time")
}

func TestFileSinkWritesJSONLines(t *testing.T) {
	path := filepath.Join(t.TempDir(), "events.jsonl")
	sink, err := produce.NewFileSink(path)
	require.NoError(t, err)
	_, err = produce.Run(context.Background(), newGen(t), produce.Options{Count: 300}, sink, clock.NewStep(time.Time{}), nil)
	require.NoError(t, err)
	require.NoError(t, sink.Close())
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	lines := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		require.True(t, json.Valid(sc.Bytes()))
		lines++
	}
	require.Equal(t, 300, lines)
}
