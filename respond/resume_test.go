package respond

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/respond/webhook"
)

// pollForever keeps the watch loop polling (resuming from the outbox)
// until the test ends.
func pollForever(t *testing.T, clk *testClock) {
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			case clk.tick <- clk.Now():
			}
		}
	}()
	t.Cleanup(func() { close(stop) })
}

// TestWatchLoopNeverResends: while 50 automatic revocations of ten
// tenants are delivered, the watch loop reads the outbox over and over.
// A read taken just before a delivery's result was recorded must not send
// that intent again: no webhook goes out twice, no transition is recorded
// twice.
func TestWatchLoopNeverResends(t *testing.T) {
	e := newEnv(t)
	require.NoError(t, e.st.Conn().Exec(context.Background(), "SYSTEM STOP MERGES response_intents"))
	x := e.responder(t, Guardrails{TenantCap: 50, GlobalCap: 50}, nil)
	x.startWatch()
	pollForever(t, e.clk)
	for i := range 50 {
		x.handle(t, newAlert(t, ruleLeaked, fmt.Sprintf("tenant_%d", i%10), fmt.Sprintf("tok_%d", i), kindToken))
	}
	e.waitStates(t, map[string]int{StateDelivered: 50})
	require.Equal(t, 50, e.rcv.answered(http.StatusOK))
	require.Zero(t, e.rcv.answered(http.StatusConflict), "no webhook sent twice")
	require.Zero(t, e.duplicateTransitions(t), "no transition recorded twice")
}

// TestPermanentFailureAlertsOnce: a receiver that refuses the signature
// (a secret not rotated on its side) fails the delivery for good: the
// intent is failed after one attempt, one response_delivery_failed alert
// says so, and the polling watch loop does not send it again.
func TestPermanentFailureAlertsOnce(t *testing.T) {
	e := newEnv(t)
	e.rcv.secret = webhook.Secret("another-secret-the-sender-does-not-have")
	e.rcv.swap(t, e.rcv.journal.Journal)
	x := e.responder(t, Guardrails{}, nil)
	x.startWatch()
	pollForever(t, e.clk)
	x.handle(t, newAlert(t, ruleLeaked, "acme", "tok_1", kindSecret))
	e.waitStates(t, map[string]int{StateFailed: 1})
	in := e.intents(t, Filter{})[0]
	require.Equal(t, uint32(1), in.Attempt)
	require.Contains(t, in.Detail, "failed 401")
	e.clk.poll(t)
	e.clk.poll(t)
	require.Equal(t, 1, e.rcv.answered(http.StatusUnauthorized), "not resent")
	require.Empty(t, e.rcv.revocations())
	require.Equal(t, []string{RuleDeliveryFailed}, x.alerts.rules())
}
