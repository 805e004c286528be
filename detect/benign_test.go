package detect_test

import (
	"context"
	"testing"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// TestBenignTrafficAlerts measures the alerts honest generated traffic
// raises (oddities included) and prints them by rule and severity.
func TestBenignTrafficAlerts(t *testing.T) {
	const n = 100_000
	// 100k events over ~30 simulated days of a 50-org platform, so baselines
	// leave their 7-day learning period.
	g, err := gen.New(gen.Config{Seed: 99, Tenants: 50, Rate: 0.04, Start: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	e := newEngine(t)
	var ev event.Event
	start := time.Now()
	for range n {
		g.Next(&ev)
		cp := ev
		if _, err := e.Process(context.Background(), &cp); err != nil {
			t.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	byRule := map[string]int{}
	mediumPlus := 0
	for _, a := range e.Alerts() {
		byRule[a.Rule+"/"+a.Severity]++
		if a.Severity != "low" && a.Severity != "info" {
			mediumPlus++
		}
	}
	t.Logf("figure: %d benign events → alerts by rule/severity %v (medium+: %d); %.0f events/s through rules+baselines",
		n, byRule, mediumPlus, n/elapsed.Seconds())
	t.Logf("figure: decision cache hits/misses by rule %v", e.CacheStats())
	t.Logf("figure: simulated span %s", ev.Time.Sub(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)).Round(time.Hour))
}
