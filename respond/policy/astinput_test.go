package policy

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/require"
)

// sample is a full input with nested rule facts, as detect decodes them.
func sample() Input {
	return Input{
		Alert: Alert{ID: "alr_1", Rule: "cross_tenant_private", Severity: "high", Tier: "revoke", Tenant: "victim",
			Credential: "tok_1", Actor: "mallory", Reason: "token of tenant attacker used on private model of tenant victim",
			Count: 3, Update: "new", Facts: map[string]any{"credential_tenant": "attacker", "resource_tenant": "victim",
				"actor_tenants": []any{"attacker"}, "asn": 14061.0, "window": map[string]any{"distinct": 25.0, "p99": 1.5}, "none": nil}},
		Rule: Rule{ID: "cross_tenant_private", Title: "Credential used across tenants on a private resource", Severity: "high", Tier: "revoke"},
		Credential: Credential{ID: "tok_1", Kind: "fine_grained", Scopes: []string{"repo.content.read", "repo.write"},
			Tenant: "attacker", Owner: "mallory", Known: true},
		AllowList: AllowList{Credentials: []string{"tok_ci"}, Tenants: []string{}},
		Counts:    Counts{Tenant: 1, Global: 7, TenantCap: 5, GlobalCap: 50, Window: "10m"},
	}
}

func fromJSON(t testing.TB, in Input) ast.Value {
	b, err := json.Marshal(in)
	require.NoError(t, err)
	v, err := ast.ValueFromReader(bytes.NewReader(b))
	require.NoError(t, err)
	return v
}

// TestASTInputMatchesJSON: the AST built directly equals the input's JSON
// parsed, for a full input and for the zero one (nil lists and facts: null).
func TestASTInputMatchesJSON(t *testing.T) {
	for name, in := range map[string]Input{"full": sample(), "zero": {}} {
		got, err := in.value()
		require.NoError(t, err, name)
		want := fromJSON(t, in)
		require.Zero(t, want.Compare(got), "%s:\n got %v\nwant %v", name, got, want)
	}
}

// TestASTInputRejectsUnconvertibleFacts: facts that are not JSON give an error.
func TestASTInputRejectsUnconvertibleFacts(t *testing.T) {
	in := sample()
	in.Alert.Facts = map[string]any{"ch": make(chan int)}
	_, err := in.value()
	require.ErrorContains(t, err, "alert facts")
}

// BenchmarkInputConversion compares the direct AST build with the JSON
// round trip rego.EvalInput would do.
func BenchmarkInputConversion(b *testing.B) {
	in := sample()
	b.Run("ast", func(b *testing.B) {
		for b.Loop() {
			if _, err := in.value(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json", func(b *testing.B) {
		for b.Loop() {
			if _, err := ast.InterfaceToValue(in); err != nil {
				b.Fatal(err)
			}
		}
	})
}
