package detect

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestNativeComparisonsFollowOPA judges one-comparison rules natively and in
// Rego over inputs that probe OPA's semantics: absent values, values of
// different types, numbers written differently, string order, negation, a
// rule value that is undefined or a list. Native must agree, or defer.
func TestNativeComparisonsFollowOPA(t *testing.T) {
	t.Parallel()
	exprs := []string{
		`input.event.source.asn >= 13335`, `input.event.source.asn == 13335.0`, `input.event.source.asn < limit`,
		`input.event.source.asn != "13335"`, `input.event.source.asn > "a"`, `input.event.source.asn < true`,
		`input.event.tenant < "b"`, `input.event.tenant == "acme"`, `input.event.tenant > undefined_rule`,
		`input.context.travel.km >= 0.1`, `input.context.travel.km <= half`, `input.event.source.internal`,
		`not input.event.source.internal`, `input.event.token.scopes == "x"`, `input.event.source.asn == listy`,
		`input.event.actor.type`, `not input.event.actor.type`, `input.context.late == false`,
	}
	evs := nativeProbeEvents()
	for i, x := range exprs {
		src := fmt.Sprintf("# METADATA\n# title: t\n# custom:\n#   id: r%d\n#   severity: low\n#   tier: notify\npackage credwatch.rules.r%d\n\n"+
			"limit := 20000\nhalf := 0.5\nlisty := [1]\nundefined_rule := 1 if false\n\nalert := {\"reason\": \"r\", \"facts\": {}} if %s\n", i, i, x)
		rs, err := LoadRules(context.Background(), fstest.MapFS{"r.rego": {Data: []byte(src)}})
		require.NoError(t, err, x)
		g := rs.Rules[0].guards[0]
		if g.native == nil {
			require.Contains(t, x, "listy", "%s is judged natively", x) // a constant list is left to Rego
			continue
		}
		e := NewEngine(rs, Config{})
		judged := 0
		for _, ev := range evs {
			f := &Facts{Travel: &Travel{KM: 0.1}}
			if ev.Tenant == "acme" {
				f.Travel.KM = 0.5
			}
			want, err := g.holds(context.Background(), toInput(&ev, f))
			require.NoError(t, err)
			got, ok, err := g.native.holds(context.Background(), e, &ev, f)
			require.NoError(t, err)
			if ok {
				require.Equal(t, want, got, "%s on %+v", x, ev.Source)
				judged++
			}
		}
		if strings.Contains(x, "listy") || strings.Contains(x, "scopes") {
			require.Less(t, judged, len(evs), "%s: a list defers to Rego", x)
		} else {
			require.Equal(t, len(evs), judged, "%s is judged natively on every event", x)
		}
	}
}

func nativeProbeEvents() []event.Event {
	base := event.Event{ID: "e", Action: "token.use", Outcome: "success", Actor: event.Actor{ID: "a"}}
	var out []event.Event
	for _, asn := range []uint32{0, 13335, 13336, 1} {
		for _, tenant := range []string{"acme", "b", "", "zeta"} {
			ev := base
			ev.Source.ASN, ev.Tenant, ev.Source.Internal = asn, tenant, asn == 1
			ev.Token.Scopes = map[bool][]string{true: {"x"}}[tenant == "b"]
			ev.Actor.Type = map[bool]string{true: "user"}[asn == 13335]
			out = append(out, ev)
		}
	}
	return out
}

func TestKeyOfValueRefusesInexactNumbers(t *testing.T) {
	_, ok := keyOfValue(ast.MustParseTerm("0.1").Value)
	require.True(t, ok)
	_, ok = keyOfValue(ast.MustParseTerm("0.10000000000000000000001").Value)
	require.False(t, ok, "a number float64 cannot hold exactly")
}
