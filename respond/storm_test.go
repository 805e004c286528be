package respond

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestStormOpensTheCircuitOnce: 1,000 auto-tier alerts on distinct
// credentials of four tenants (half of them acme's), live (no dry-run),
// with the default caps (5 per tenant, 20 in all per 10 minutes). The
// caps open the circuit:
// exactly 20 are revoked automatically and delivered, the other 980 wait
// for an analyst, and exactly one circuit-open alert is published.
func TestStormOpensTheCircuitOnce(t *testing.T) {
	e := newEnv(t)
	g := Guardrails{}.Defaults()
	x := e.responder(t, g, nil)
	tenants := []string{"acme", "globex", "initech", "umbrella"}
	weights := []string{"acme", "acme", "acme", "acme", "acme", "globex", "globex", "globex", "initech", "umbrella"}
	rules := []string{ruleOffPlatform, ruleLeaked}
	const storm = 1000
	began := time.Now()
	for i := range storm { // acme's cap fills first, the others' later
		tenant := weights[i%len(weights)]
		x.handle(t, newAlert(t, rules[i%2], tenant, fmt.Sprintf("tok_%04d", i), kindToken))
	}
	took := time.Since(began)

	auto := min(g.GlobalCap, g.TenantCap*len(tenants))
	e.waitStates(t, map[string]int{StateDelivered: auto, StateProposed: storm - auto})
	require.Equal(t, []string{RuleCircuitOpen}, x.alerts.rules(), "one circuit-open alert")
	opened := x.alerts.all[0]
	require.Equal(t, "high", opened.Severity)
	require.Contains(t, opened.Explanation.Reason, "cap")
	require.Len(t, e.rcv.revocations(), auto)
	require.Equal(t, auto, e.rcv.answered(http.StatusOK))
	perTenant := map[string]int{}
	for _, r := range e.rcv.revocations() {
		perTenant[r.Tenant]++
	}
	for _, tenant := range tenants {
		require.LessOrEqual(t, perTenant[tenant], g.TenantCap, tenant)
	}
	for _, in := range e.intents(t, Filter{States: []string{StateProposed}}) {
		require.Equal(t, "approve", in.Decision)
		require.True(t, strings.Contains(in.Reason, "cap"), "proposal says why: %s", in.Reason)
	}
	require.InDelta(t, 1, value(t, x.metrics.circuits), 0)
	t.Logf("storm of %d alerts answered in %s (%.0f/s): %d auto and delivered, %d proposed, %d circuit alert(s)",
		storm, took.Round(time.Millisecond), storm/took.Seconds(), auto, storm-auto, len(x.alerts.rules()))
}
