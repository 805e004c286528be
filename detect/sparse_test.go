package detect

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/rules"
)

// TestSparseInputAgreesWithFull evaluates every guard of every embedded rule
// over the sparse input and the full one, and natively where it can, on
// generated traffic with every attack, variant and look-alike mixed in
// (three seeds, different tenants and rates): the outcomes must agree, and
// the sparse and native ones must be taken.
func TestSparseInputAgreesWithFull(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	rs, err := LoadRules(ctx, rules.FS)
	require.NoError(t, err)
	for _, cfg := range []gen.Config{{Seed: 5, Tenants: 20, Rate: 0.05}, {Seed: 6, Tenants: 3, Rate: 2}, {Seed: 7, Tenants: 200}} {
		cfg.Start, cfg.Scenarios = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), gen.Builtin().Names()
		g, err := gen.New(cfg)
		require.NoError(t, err)
		b := NewBaselines(BaselineConfig{})
		e := NewEngine(rs, Config{}) // its rule-value caches
		sparse, held, native := 0, 0, 0
		var ev event.Event
		for range 4_000 {
			g.Next(&ev)
			f := b.Facts(&ev)
			full := toInput(&ev, &f)
			for _, r := range rs.Rules {
				for _, gd := range r.guards {
					vals := make([]keyVal, len(gd.getters))
					for i, get := range gd.getters {
						vals[i] = get.get(&ev, &f)
					}
					want, err := gd.holds(ctx, full)
					require.NoError(t, err)
					if gd.native != nil {
						got, ok, err := gd.native.holds(ctx, e, &ev, &f)
						require.NoError(t, err)
						if ok {
							require.Equal(t, want, got, "rule %s, native guard, event %s", r.ID, ev.ID)
							native++
						}
					}
					in, ok := sparseInput(gd.paths, vals)
					if !ok {
						continue
					}
					got, err := gd.holds(ctx, in)
					require.NoError(t, err)
					require.Equal(t, want, got, "rule %s, guard %v, event %s: sparse input %v", r.ID, gd.paths, ev.ID, in)
					sparse++
					if got {
						held++
					}
				}
			}
			b.Observe(&ev)
		}
		require.Greater(t, sparse, 4_000*20, "most guards evaluate over a sparse input")
		require.Greater(t, native, 4_000*10, "every first guard is judged natively")
		require.Positive(t, held, "some guards hold (seed %d)", cfg.Seed)
	}
}
