package respond

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestApprovals: revoke-tier alerts with no automatic trigger are proposed.
// Approving one moves it to approved and the watch loop delivers it;
// rejecting needs a reason and closes one; answering anything but a
// proposal fails saying why; a proposal nobody answers expires. Every
// transition records who made it, in the outbox and in its event.
func TestApprovals(t *testing.T) {
	e := newEnv(t)
	x := e.responder(t, Guardrails{}, nil)
	x.startWatch()
	ctx := context.Background()
	events := &emitted{}
	ap := Approvals{Outbox: NewOutbox(e.st), Events: events, Now: e.clk.Now}
	x.handle(t, newAlert(t, ruleEnumeration, "acme", "tok_1", kindToken),
		newAlert(t, ruleEnumeration, "acme", "tok_2", kindToken), newAlert(t, ruleEnumeration, "globex", "sec_3", kindSecret))
	approve, reject := IntentID("acme", "tok_1", ActionRevoke, "", false), IntentID("acme", "tok_2", ActionRevoke, "", false)
	unanswered := IntentID("globex", "sec_3", ActionRevoke, "", false)
	pending, err := ap.Pending(ctx, "acme")
	require.NoError(t, err)
	require.Len(t, pending, 2)
	all, err := ap.Pending(ctx, "")
	require.NoError(t, err)
	require.Len(t, all, 3)

	in, err := ap.Approve(ctx, "acme", approve, "alice")
	require.NoError(t, err)
	require.Equal(t, []any{StateApproved, "alice", uint32(2)}, []any{in.State, in.By, in.Seq})
	e.clk.poll(t)
	e.waitStates(t, map[string]int{StateDelivered: 1, StateProposed: 2})
	require.Equal(t, []string{"1 proposed credwatch-respond", "2 approved alice", "3 delivering credwatch-respond",
		"4 delivered credwatch-respond"}, e.history(t, approve))
	require.Equal(t, "tok_1", e.rcv.revocations()[0].Credential)

	_, err = ap.Reject(ctx, "acme", reject, "bob", "")
	require.ErrorContains(t, err, "a reason is required")
	in, err = ap.Reject(ctx, "acme", reject, "bob", "pentest, agreed with acme")
	require.NoError(t, err)
	require.Equal(t, []any{StateRejected, "bob", "pentest, agreed with acme"}, []any{in.State, in.By, in.Detail})
	require.Equal(t, []string{"1 proposed credwatch-respond", "2 rejected bob"}, e.history(t, reject))

	for id, want := range map[string]string{reject: "is rejected, not waiting for approval",
		approve: "is delivered, not waiting for approval", "int_000": "not found", unanswered: "not found"} {
		_, err := ap.Approve(ctx, "acme", id, "carol")
		require.ErrorContains(t, err, want, id)
	}
	_, err = ap.Approve(ctx, "globex", unanswered, "")
	require.ErrorContains(t, err, "who answers is required")

	e.clk.Advance(25 * time.Hour) // past the 24 h approval window
	e.clk.poll(t)
	require.Equal(t, []string{"1 proposed credwatch-respond", "2 expired credwatch-respond"}, e.history(t, unanswered))
	require.Equal(t, map[string]int{StateDelivered: 1, StateRejected: 1, StateExpired: 1}, e.states(t))
	require.Equal(t, 1, e.rcv.requests(), "only the approved revocation was sent")
	requireActors(t, events, map[string]string{"response.approved": "alice/user", "response.rejected": "bob/user"})
	requireActors(t, x.events, map[string]string{"response.proposed": "credwatch-respond/service",
		"response.delivered": "credwatch-respond/service", "response.expired": "credwatch-respond/service"})
}

// requireActors checks the actor of each response.* event named in want.
func requireActors(t *testing.T, events *emitted, want map[string]string) {
	t.Helper()
	events.mu.Lock()
	defer events.mu.Unlock()
	got := map[string]string{}
	for _, ev := range events.all {
		if _, ok := want[ev.Action]; ok {
			got[ev.Action] = ev.Actor.ID + "/" + ev.Actor.Type
		}
	}
	require.Equal(t, want, got)
}
