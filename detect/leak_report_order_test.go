package detect_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

// TestLeakReportAndUsesInAnyOrderRaiseEachUseOnce plays a leak report and
// the uses after the leak in every arrival order, close together (one
// alert window) and hours apart: each use is raised exactly once — by
// itself when it arrives after the report, by the report when it arrived
// before — and the report raises only when some use arrived before it.
func TestLeakReportAndUsesInAnyOrderRaiseEachUseOnce(t *testing.T) {
	for _, spread := range []time.Duration{15 * time.Minute, 3 * time.Hour} {
		report := leakReport("R", "tok", "acme", "github-secret-scanning", "unknown", leakAt)
		u1 := abuseOf("U1", "tok", "acme", "mallory", leakAt.Add(10*time.Minute), 14061)
		u2 := abuseOf("U2", "tok", "acme", "eve", leakAt.Add(10*time.Minute+spread), 9009)
		for _, order := range permutations([]event.Event{report, u1, u2}) {
			name := fmt.Sprintf("%s-%s%s%s", spread, order[0].ID, order[1].ID, order[2].ID)
			t.Run(name, func(t *testing.T) {
				e := newEngine(t)
				run(t, e, history("tok"))
				news, raised := 0, map[string]int{}
				for i := range order {
					u, err := e.Process(context.Background(), &order[i])
					require.NoError(t, err)
					for _, x := range u {
						if x.Alert.Rule == "leaked_token_used" && x.Kind == detect.UpdateNew {
							news++
						}
					}
				}
				at := slices.IndexFunc(order, func(ev event.Event) bool { return ev.ID == "R" })
				for _, a := range e.Alerts() {
					if a.Rule != "leaked_token_used" {
						continue
					}
					require.Equal(t, a.Count, len(a.EventIDs), "no event counted twice")
					for _, id := range a.EventIDs {
						raised[id]++
					}
					if slices.Contains(a.EventIDs, "R") {
						newest := time.Duration(0)
						for _, ev := range order[:at] { // the uses the report raised
							raised[ev.ID]++
							newest = max(newest, ev.Time.Sub(leakAt))
						}
						prior := a.Explanation.Baseline.Sequence.UsedBeforeReport
						require.NotNil(t, prior, "the report opens its alert")
						require.InDelta(t, newest.Minutes(), prior.MinutesAfterLeak, 0.1)
					}
				}
				require.Equal(t, map[string]int{"U1": 1, "U2": 1}, without(raised, "R"), "each use raised once")
				require.Equal(t, at > 0, raised["R"] == 1, "the report raises only uses already seen")
				require.Equal(t, len(alertsOf(e, "leaked_token_used")), news)
			})
		}
	}
}

func permutations(evs []event.Event) [][]event.Event {
	if len(evs) <= 1 {
		return [][]event.Event{slices.Clone(evs)}
	}
	var out [][]event.Event
	for i := range evs {
		rest := append(slices.Clone(evs[:i]), evs[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]event.Event{evs[i]}, p...))
		}
	}
	return out
}

func without(m map[string]int, key string) map[string]int {
	out := map[string]int{}
	for k, v := range m {
		if k != key {
			out[k] = v
		}
	}
	return out
}

func alertsOf(e *detect.Engine, rule string) []*detect.Alert {
	var out []*detect.Alert
	for _, a := range e.Alerts() {
		if a.Rule == rule {
			out = append(out, a)
		}
	}
	return out
}
