package gen_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

func BenchmarkNextAppendJSON(b *testing.B) {
	g := newGen(b, gen.Config{Seed: 1, Start: start})
	var ev event.Event
	buf := make([]byte, 0, 4096)
	n := 0
	b.ReportAllocs()
	for b.Loop() {
		g.Next(&ev)
		buf = gen.AppendJSON(buf[:0], &ev)
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "events/s")
}

func BenchmarkAppendJSON(b *testing.B) {
	g := newGen(b, gen.Config{Seed: 1, Start: start})
	var ev event.Event
	g.Next(&ev)
	buf := make([]byte, 0, 4096)
	b.ReportAllocs()
	for b.Loop() {
		buf = gen.AppendJSON(buf[:0], &ev)
	}
}

func TestFewAllocationsPerEvent(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 1, Start: start})
	var ev event.Event
	buf := make([]byte, 0, 4096)
	allocs := testing.AllocsPerRun(50_000, func() {
		g.Next(&ev)
		buf = gen.AppendJSON(buf[:0], &ev)
	})
	require.LessOrEqual(t, allocs, 3.0)
}

func TestMillionEventsInSeconds(t *testing.T) {
	if testing.Short() {
		t.Skip("takes a second or two")
	}
	g := newGen(t, gen.Config{Seed: 1, Start: start})
	var ev event.Event
	buf := make([]byte, 0, 4096)
	began := time.Now()
	for range 1_000_000 {
		g.Next(&ev)
		buf = gen.AppendJSON(buf[:0], &ev)
	}
	took := time.Since(began)
	t.Logf("1,000,000 events in %v", took)
	require.Less(t, took, 20*time.Second)
}
