package respond

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestReceiverDownThenBack: the receiver answers 503 for the first 30
// seconds (test clock; retries back off 1 s, 2 s, then 4 s, taking no real
// time), then 2xx. Each tenant has a notification and a revocation per
// credential (tokens and secrets). Every intent is delivered exactly once,
// each tenant's in the order they were decided (so a credential's
// notification before its revocation), and the outbox shows each
// delivered with its attempts: only the first of each tenant retried.
func TestReceiverDownThenBack(t *testing.T) {
	e := newEnv(t)
	x := e.idle(t, Guardrails{TenantCap: 50, GlobalCap: 50}, nil)
	back := t0.Add(30 * time.Second)
	e.rcv.downUntil(back)
	tenants := []string{"acme", "globex", "initech"}
	want := map[string][]string{}
	for c := range 4 {
		for _, tenant := range tenants {
			cred, kind := fmt.Sprintf("%s_tok_%d", tenant, c), kindToken
			if c%2 == 1 {
				cred, kind = fmt.Sprintf("%s_sec_%d", tenant, c), kindSecret
			}
			notify := alertOf(ruleDormant, tenant, cred, kind)
			x.handle(t, message(t, notify, "new"), newAlert(t, ruleLeaked, tenant, cred, kind))
			want[tenant] = append(want[tenant], IntentID(tenant, cred, ActionNotify, notify.ID, false),
				IntentID(tenant, cred, ActionRevoke, "", false))
		}
	}
	n := 2 * 4 * len(tenants)
	x.run() // every tenant's first attempt at t0, while the receiver is down

	e.waitStates(t, map[string]int{StateDelivered: n})
	got := map[string][]string{}
	for _, r := range e.rcv.records() {
		got[r.Tenant] = append(got[r.Tenant], r.WebhookID)
	}
	require.Equal(t, want, got, "each intent once, in order per tenant")
	require.Len(t, e.rcv.revocations(), n/2)
	require.Equal(t, n, e.rcv.answered(http.StatusOK))
	require.Zero(t, e.rcv.answered(http.StatusConflict))
	require.False(t, e.clk.Now().Before(back), "retried until the receiver was back")

	attempts := map[string]uint32{}
	total := 0
	for _, in := range e.intents(t, Filter{}) {
		attempts[in.ID] = in.Attempt
		total += int(in.Attempt)
		require.Len(t, e.history(t, in.ID), 2+int(in.Attempt), "auto, delivering, one transition per attempt")
	}
	for _, tenant := range tenants {
		head := want[tenant][0]
		require.Greater(t, attempts[head], uint32(1), "%s's first intent waited for the receiver", tenant)
		for _, id := range want[tenant][1:] {
			require.Equal(t, uint32(1), attempts[id], "%s's later intents went through at once", tenant)
		}
	}
	require.Equal(t, e.rcv.answered(http.StatusServiceUnavailable)+n, total, "every attempt recorded")
	t.Logf("receiver down %s (test clock): %d intents delivered once each after %d refused attempts; "+
		"first intents' attempts %d, %d, %d", back.Sub(t0), n, e.rcv.answered(http.StatusServiceUnavailable),
		attempts[want["acme"][0]], attempts[want["globex"][0]], attempts[want["initech"][0]])
}
