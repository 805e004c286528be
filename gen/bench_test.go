package gen_test

import (
	"testing"

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

// BenchmarkMillionEvents generates and encodes 1,000,000 events per
// iteration and reports the rate (speed is measured here, never asserted).
func BenchmarkMillionEvents(b *testing.B) {
	var ev event.Event
	buf := make([]byte, 0, 4096)
	for b.Loop() {
		g := newGen(b, gen.Config{Seed: 1, Start: start})
		for range 1_000_000 {
			g.Next(&ev)
			buf = gen.AppendJSON(buf[:0], &ev)
		}
	}
	b.ReportMetric(float64(b.N)*1e6/b.Elapsed().Seconds(), "events/s")
}
