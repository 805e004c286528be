package detect

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/rules"
)

// TestGettersMatchAST reads every guard path of every embedded rule (and a
// few awkward ones) both ways, over 30k generated events and their facts.
func TestGettersMatchAST(t *testing.T) {
	t.Parallel()
	rs, err := LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	var paths []ast.Ref
	for _, r := range rs.Rules {
		require.NotEmpty(t, r.guards, "rule %s should be cacheable", r.ID)
		for _, g := range r.guards {
			paths = append(paths, g.paths...)
		}
	}
	for _, p := range []string{"input.event.attrs.member", "input.event.time", "input.event.nope", "input.context.scopes.previous",
		"input.event.source.asn.deeper", "input.context.travel", "input.event.token.scopes", "input.other"} {
		paths = append(paths, ast.MustParseRef(p))
	}
	g, err := gen.New(gen.Config{Seed: 11, Tenants: 20, Rate: 0.05, Start: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	b := NewBaselines(BaselineConfig{})
	var ev event.Event
	for range 30_000 {
		g.Next(&ev)
		f := b.Facts(&ev)
		input := toInput(&ev, &f)
		for _, p := range paths {
			want, err := input.Find(p[1:])
			got := newGetter(p).get(&ev, &f)
			if err != nil {
				require.Equal(t, keyAbsent, got.kind, "%v is absent in the AST", p)
				continue
			}
			require.Equal(t, normalise(t, want), got.any(), "%v", p)
		}
		b.Observe(&ev)
	}
}

func normalise(t *testing.T, v ast.Value) any {
	x, err := ast.JSON(v)
	require.NoError(t, err)
	b, err := json.Marshal(x)
	require.NoError(t, err)
	var out any
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}
