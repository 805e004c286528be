package detect_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// TestBenignMillionEvents: 1,000,000 honest generated events (oddities —
// travel, VPN, new laptops, failed logins — included; seeds other than the
// fixtures') raise at most one alert of medium or higher severity. Low
// alerts on honest oddities are allowed, counted and printed.
func TestBenignMillionEvents(t *testing.T) {
	t.Parallel()
	// ~0.04 events/s over 60 orgs spans about 9 months: long enough for
	// dormancy, learning periods and forget horizons to matter.
	benign(t, 1_000_000, gen.Config{Seed: 2027, Tenants: 60, Rate: 0.043, Start: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
}

// TestBenignAtTheDefaultRate: 500,000 events at the generator's default 200
// events/s (200 orgs; 42 minutes from a cold start, a working day ramping
// up) raise no medium-or-higher alert either.
func TestBenignAtTheDefaultRate(t *testing.T) {
	t.Parallel()
	benign(t, 500_000, gen.Config{Seed: 7, Start: time.Date(2026, 11, 2, 6, 0, 0, 0, time.UTC)})
}

func benign(t *testing.T, n int, cfg gen.Config) {
	start := cfg.Start
	g, err := gen.New(cfg)
	require.NoError(t, err)
	e := newEngine(t)
	var ev event.Event
	for range n {
		g.Next(&ev)
		cp := ev
		_, err := e.Process(context.Background(), &cp)
		require.NoError(t, err)
	}
	byRule := map[string]int{}
	var serious []string
	for _, a := range e.Alerts() {
		byRule[a.Rule+"/"+a.Severity]++
		if rankOf(a.Severity) >= rankOf("medium") {
			serious = append(serious, a.Rule+": "+a.Explanation.Reason+" "+fmt.Sprint(a.Explanation.RuleFacts))
		}
	}
	t.Logf("figure: %d benign events over %s simulated → alerts by rule/severity %v; medium+: %d %v",
		n, ev.Time.Sub(start).Round(time.Minute), byRule, len(serious), serious)
	require.LessOrEqual(t, len(serious), 1, "medium+ alerts on benign traffic: %v", serious)
	require.Empty(t, e.RuleErrors)
}

func rankOf(severity string) int {
	for i, s := range []string{"info", "low", "medium", "high", "critical"} {
		if s == severity {
			return i
		}
	}
	return -1
}
