package detect_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/rules"
)

// TestDecisionCacheChangesNothing runs the same stream through an engine
// with decision caches and one evaluating every rule in Rego for every
// event: the alerts must be identical.
func TestDecisionCacheChangesNothing(t *testing.T) {
	t.Parallel()
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	cached := detect.NewEngine(rs, detect.Config{})
	plain := detect.NewEngine(rs, detect.Config{NoDecisionCache: true})
	g, err := gen.New(gen.Config{Seed: 5, Tenants: 30, Rate: 0.05, Start: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	var ev event.Event
	for i := range 60_000 {
		g.Next(&ev)
		if i%1000 == 999 { // a sprinkle of off-platform Space-token uses and cross-tenant reads
			ev.Source.Internal, ev.Token.Workload = false, "space:x/y"
		}
		a, b := ev, ev
		u1, err1 := cached.Process(context.Background(), &a)
		u2, err2 := plain.Process(context.Background(), &b)
		require.Equal(t, err1, err2)
		require.Equal(t, len(u2), len(u1), "event %d", i)
	}
	want, err := json.Marshal(plain.Alerts())
	require.NoError(t, err)
	got, err := json.Marshal(cached.Alerts())
	require.NoError(t, err)
	require.JSONEq(t, string(want), string(got))
	require.NotEmpty(t, plain.Alerts())
	t.Logf("%d alerts identical; cache hits/misses %v", len(plain.Alerts()), cached.CacheStats())
}
