package respond

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestDryRunSendsNothing: with --dry-run every decision is recorded as a
// dry_run intent and nothing is sent, even after the watch loop polled the
// outbox. Going live later still acts: the live intent has its own id.
func TestDryRunSendsNothing(t *testing.T) {
	e := newEnv(t)
	dry := e.responder(t, Guardrails{DryRun: true}, nil)
	dry.startWatch()
	leaked := newAlert(t, ruleLeaked, "acme", "tok_1", kindToken)
	dry.handle(t, leaked, newAlert(t, ruleOffPlatform, "globex", "sec_1", kindSecret),
		newAlert(t, ruleDormant, "acme", "tok_2", kindToken))
	e.clk.poll(t)
	require.Equal(t, map[string]int{StateDryRun: 3}, e.states(t))
	for _, in := range e.intents(t, Filter{}) {
		require.True(t, in.DryRun, in.ID)
	}
	require.Zero(t, e.rcv.requests(), "nothing sent in dry-run")
	dry.kill()

	e.responder(t, Guardrails{}, nil).handle(t, leaked)
	e.waitStates(t, map[string]int{StateDryRun: 3, StateDelivered: 1})
	require.Len(t, e.rcv.revocations(), 1)
	require.Equal(t, IntentID("acme", "tok_1", ActionRevoke, "", false), e.rcv.revocations()[0].WebhookID)
}

// TestDryRunPerTenant: globex is kept in dry-run while the rest is live.
func TestDryRunPerTenant(t *testing.T) {
	e := newEnv(t)
	x := e.responder(t, Guardrails{DryRunTenants: []string{"globex"}}, nil)
	x.handle(t, newAlert(t, ruleLeaked, "acme", "tok_1", kindToken), newAlert(t, ruleLeaked, "globex", "tok_1", kindToken),
		newAlert(t, ruleOffPlatform, "globex", "sec_9", kindSecret))
	e.waitStates(t, map[string]int{StateDelivered: 1, StateDryRun: 2})
	require.Len(t, e.rcv.revocations(), 1)
	require.Equal(t, "acme", e.rcv.revocations()[0].Tenant)
	require.Equal(t, 1, e.rcv.requests(), "globex's decisions were not sent")
	for _, in := range e.intents(t, Filter{Tenant: "globex"}) {
		require.Equal(t, StateDryRun, in.State)
	}
}

// TestAllowListsPropose: an allow-listed credential or tenant is proposed
// for approval instead of revoked; others are revoked; no circuit opens.
func TestAllowListsPropose(t *testing.T) {
	e := newEnv(t)
	x := e.responder(t, Guardrails{AllowCredentials: []string{"tok_vip"}, AllowTenants: []string{"initech"}}, nil)
	x.handle(t, newAlert(t, ruleLeaked, "acme", "tok_vip", kindToken), newAlert(t, ruleOffPlatform, "initech", "sec_2", kindSecret),
		newAlert(t, ruleLeaked, "acme", "tok_3", kindToken))
	e.waitStates(t, map[string]int{StateDelivered: 1, StateProposed: 2})
	vip := e.intents(t, Filter{ID: IntentID("acme", "tok_vip", ActionRevoke, "", false)})
	require.Len(t, vip, 1)
	require.Equal(t, StateProposed, vip[0].State)
	require.Contains(t, vip[0].Reason, "credential tok_vip is allow-listed")
	tenant := e.intents(t, Filter{Tenant: "initech"})
	require.Len(t, tenant, 1)
	require.Contains(t, tenant[0].Reason, "tenant initech is allow-listed")
	require.Equal(t, "tok_3", e.rcv.revocations()[0].Credential)
	require.Equal(t, 1, e.rcv.requests())
	require.Empty(t, x.alerts.rules())
}

// TestKillSwitchFromControls: the kill switch set in ClickHouse (as the
// CLI and console set it) is picked up by the watch loop: an automatic
// revocation becomes a proposal until the switch is off again.
func TestKillSwitchFromControls(t *testing.T) {
	e := newEnv(t)
	x := e.responder(t, Guardrails{}, nil)
	x.startWatch()
	ctx := context.Background()
	controls := NewControls(e.st, e.clk.Now)
	require.NoError(t, controls.SetKillSwitch(ctx, true, "alice", "incident 42"))
	e.clk.poll(t)
	require.True(t, x.decider.Guard.Killed())
	require.InDelta(t, 1, value(t, x.metrics.killSwitch), 0)
	x.handle(t, newAlert(t, ruleLeaked, "acme", "tok_1", kindToken))
	held := e.intents(t, Filter{})
	require.Len(t, held, 1)
	require.Equal(t, StateProposed, held[0].State)
	require.Contains(t, held[0].Reason, "held: the kill switch is on")

	e.clk.Advance(time.Second) // the newest switch wins by time
	require.NoError(t, controls.SetKillSwitch(ctx, false, "alice", "incident 42 closed"))
	e.clk.poll(t)
	require.False(t, x.decider.Guard.Killed())
	x.handle(t, newAlert(t, ruleLeaked, "acme", "tok_2", kindToken))
	e.waitStates(t, map[string]int{StateProposed: 1, StateDelivered: 1})
	require.Equal(t, "tok_2", e.rcv.revocations()[0].Credential)
	require.Equal(t, 1, e.rcv.requests(), "the held revocation was not sent")
}

// TestKillSwitchHoldsRecordedRevocations: automatic revocations recorded
// before the switch was flipped, but not yet handed to a dispatcher (a
// restart between the two), are not sent while it is on, and go once it is
// off again.
func TestKillSwitchHoldsRecordedRevocations(t *testing.T) {
	e := newEnv(t)
	first := e.idle(t, Guardrails{}, nil) // records, never delivers
	first.handle(t, newAlert(t, ruleLeaked, "acme", "tok_1", kindToken), newAlert(t, ruleOffPlatform, "globex", "tok_2", kindToken))
	first.kill()
	ctx := context.Background()
	controls := NewControls(e.st, e.clk.Now)
	require.NoError(t, controls.SetKillSwitch(ctx, true, "alice", "incident 43"))

	second := e.responder(t, Guardrails{}, nil)
	second.startWatch()
	e.clk.poll(t)
	e.clk.poll(t)
	require.True(t, second.decider.Guard.Killed())
	require.Zero(t, e.rcv.requests(), "nothing sent while the switch is on")
	require.Equal(t, map[string]int{StateDelivering: 2}, e.states(t))

	e.clk.Advance(time.Second)
	require.NoError(t, controls.SetKillSwitch(ctx, false, "alice", "incident 43 closed"))
	e.clk.poll(t)
	e.waitStates(t, map[string]int{StateDelivered: 2})
	require.Len(t, e.rcv.revocations(), 2)
}
