package detect_test

import (
	"context"
	"testing"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// BenchmarkEngine runs generated benign traffic (decoded events, in event
// order) through every embedded rule and the baselines; events/s is the
// figure to compare with the ingest rate.
func BenchmarkEngine(b *testing.B) {
	const n = 200_000
	g, err := gen.New(gen.Config{Seed: 3, Start: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)}) // the default 200 events/s
	if err != nil {
		b.Fatal(err)
	}
	evs := make([]event.Event, n)
	for i := range evs {
		g.Next(&evs[i])
	}
	e := newEngine(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ev := evs[i%n]
		if i >= n {
			ev.Time = ev.Time.Add(time.Duration(i/n) * 40 * 24 * time.Hour)
		}
		if _, err := e.Process(context.Background(), &ev); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
