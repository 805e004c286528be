package respond

import (
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"
)

// TestAutomaticAlertEscalatesAProposal: a revocation proposed for approval
// (enumeration) is approved by respond and delivered once when a later
// alert on the same credential revokes automatically (a leaked token
// used), in another batch; the webhook carries the stronger alert. The
// other order revokes at once and the weaker alert adds nothing. The same
// credential id in another tenant, an analyst's rejection and the kill
// switch are left as they are; a proposal that expired unanswered is
// escalated. An intent respond acted on is remembered as past approval,
// so its re-published alerts read nothing.
func TestAutomaticAlertEscalatesAProposal(t *testing.T) {
	e := newEnv(t)
	x := e.responder(t, Guardrails{}, nil)
	x.startWatch()
	ap := Approvals{Outbox: NewOutbox(e.st), Now: e.clk.Now}
	proposal := func(tenant, cred string) kafka.Message { return newAlert(t, ruleEnumeration, tenant, cred, kindToken) }
	leaked := func(tenant, cred string) kafka.Message { return newAlert(t, ruleLeaked, tenant, cred, kindToken) }
	id := func(tenant, cred string) string { return IntentID(tenant, cred, ActionRevoke, "", false) }

	x.handle(t, proposal("acme", "tok_1"), proposal("globex", "tok_1"), leaked("acme", "tok_2"), proposal("acme", "tok_3"),
		proposal("acme", "tok_4"))
	_, err := ap.Reject(x.ctx, "acme", id("acme", "tok_3"), "bob", "red team exercise")
	require.NoError(t, err)
	x.handle(t, leaked("acme", "tok_1"), proposal("acme", "tok_2"), leaked("acme", "tok_3"))
	e.waitStates(t, map[string]int{StateDelivered: 2, StateProposed: 2, StateRejected: 1})

	require.Equal(t, []string{"1 proposed credwatch-respond", "2 approved credwatch-respond",
		"3 delivering credwatch-respond", "4 delivered credwatch-respond"}, e.history(t, id("acme", "tok_1")))
	require.Equal(t, []string{"1 auto credwatch-respond", "2 delivering credwatch-respond",
		"3 delivered credwatch-respond"}, e.history(t, id("acme", "tok_2")))
	require.Equal(t, []string{"1 proposed credwatch-respond"}, e.history(t, id("globex", "tok_1")))
	require.Equal(t, []string{"1 proposed credwatch-respond", "2 rejected bob"}, e.history(t, id("acme", "tok_3")))
	up := e.intents(t, Filter{ID: id("acme", "tok_1")})[0]
	require.Equal(t, ruleLeaked, up.Rule)
	var detail string
	require.NoError(t, e.st.Conn().QueryRow(x.ctx, "SELECT detail FROM response_intents WHERE intent_id = ? AND seq = 2",
		up.ID).Scan(&detail))
	require.Equal(t, "escalated: leaked_token_used (alert alr_leaked_token_used_acme_tok_1) revokes automatically; "+
		"proposed for enumeration (alert alr_enumeration_acme_tok_1)", detail)
	for _, r := range e.rcv.revocations() {
		require.Equal(t, ruleLeaked, r.Rule, r.Credential)
	}
	require.True(t, x.pastApproval(id("acme", "tok_1")), "a re-published leaked alert needs no outbox read")
	require.False(t, x.pastApproval(id("globex", "tok_1")), "a proposal may still be escalated")

	e.clk.Advance(25 * time.Hour) // tok_4's proposal expires unanswered
	e.clk.poll(t)
	require.NoError(t, NewControls(e.st, e.clk.Now).SetKillSwitch(x.ctx, true, "alice", "incident 44"))
	e.clk.poll(t)
	x.handle(t, leaked("globex", "tok_1"))
	e.clk.Advance(time.Second) // the newest switch wins by time
	require.NoError(t, NewControls(e.st, e.clk.Now).SetKillSwitch(x.ctx, false, "alice", "incident 44 closed"))
	e.clk.poll(t)
	x.handle(t, leaked("acme", "tok_4"))
	e.waitStates(t, map[string]int{StateDelivered: 3, StateExpired: 1, StateRejected: 1})
	require.Equal(t, []string{"1 proposed credwatch-respond", "2 expired credwatch-respond"}, e.history(t, id("globex", "tok_1")),
		"held by the kill switch, then expired")
	require.Equal(t, []string{"1 proposed credwatch-respond", "2 expired credwatch-respond", "3 approved credwatch-respond",
		"4 delivering credwatch-respond", "5 delivered credwatch-respond"}, e.history(t, id("acme", "tok_4")))
	require.Len(t, e.rcv.revocations(), 3, "each credential revoked once")
}
