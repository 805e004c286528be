package detect_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// TestLeakReportsOnGeneratedTraffic plays days of honest generated
// traffic (three seeds and sizes), then reports leaked many of the tokens
// it used, in turn: a report dated after a token's newest use raises
// nothing, one dated a minute before it raises exactly that report.
func TestLeakReportsOnGeneratedTraffic(t *testing.T) {
	t.Parallel()
	for _, cfg := range []gen.Config{{Seed: 3, Tenants: 20, Rate: 0.05}, {Seed: 4, Tenants: 5, Rate: 0.5}, {Seed: 9, Tenants: 60, Rate: 0.1}} {
		cfg.Start = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
		g, err := gen.New(cfg)
		require.NoError(t, err)
		e := newEngine(t)
		lastUse, tenant := map[string]time.Time{}, map[string]string{}
		var ev event.Event
		for range 20_000 {
			g.Next(&ev)
			cp := ev
			_, err := e.Process(context.Background(), &cp)
			require.NoError(t, err)
			if isUse(ev.Action) && ev.Outcome == "success" && ev.Token.ID != "" && ev.Time.After(lastUse[ev.Token.ID]) {
				lastUse[ev.Token.ID], tenant[ev.Token.ID] = ev.Time, cmpOr(ev.Token.Tenant, ev.Tenant)
			}
		}
		toks := sortedTokens(lastUse)
		require.Greater(t, len(toks), 40, "seed %d", cfg.Seed)
		for i, tok := range toks {
			at, raises := lastUse[tok].Add(time.Minute), i%2 == 1
			if raises {
				at = lastUse[tok].Add(-time.Minute)
			}
			r := leakReport("R-"+tok, tok, tenant[tok], "scanner-webhook", []string{"unknown", "success"}[i%3%2], at)
			u, err := e.Process(context.Background(), &r)
			require.NoError(t, err)
			if !raises {
				require.Empty(t, u, "a report dated after %s's newest use raised %v", tok, u)
				continue
			}
			a := leakedUpdate(t, u).Alert
			require.Equal(t, []string{r.ID}, a.EventIDs)
			require.InDelta(t, 1, a.Explanation.Baseline.Sequence.UsedBeforeReport.MinutesAfterLeak, 0.01)
		}
	}
}

func isUse(action string) bool {
	return slices.Contains([]string{"token.use", "secret.read", "secret.list"}, action)
}

func sortedTokens(m map[string]time.Time) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
