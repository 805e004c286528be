package respond

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestKnownIntentsAcrossInstances: two instances share one outbox. An
// intent instance B records reaches instance A's known set with A's next
// poll, so A's alert for the same credential is a duplicate, never a second
// revocation, whether A learns it from the poll or, once its poll is stale,
// from an outbox read. Within one poll A answers a new credential without
// reading the outbox.
func TestKnownIntentsAcrossInstances(t *testing.T) {
	e := newEnv(t)
	g := Guardrails{TenantCap: 100, GlobalCap: 100}
	a, b := e.idle(t, g, nil), e.idle(t, g, nil)
	ctx := context.Background()
	a.pollKnown(ctx)
	b.pollKnown(ctx)

	b.handle(t, newAlert(t, ruleLeaked, "acme", "cred_1", kindToken))
	a.pollKnown(ctx)
	a.handle(t, newAlert(t, ruleOffPlatform, "acme", "cred_1", kindToken))
	require.Len(t, e.intents(t, Filter{}), 1)
	require.Zero(t, e.duplicateTransitions(t), "A learnt B's intent from its poll")

	b.handle(t, newAlert(t, ruleLeaked, "globex", "cred_2", kindToken))
	e.clk.Advance(staleAfter) // A's poll is now too old to trust a miss
	a.handle(t, newAlert(t, ruleOffPlatform, "globex", "cred_2", kindToken))
	require.Len(t, e.intents(t, Filter{}), 2)
	require.Zero(t, e.duplicateTransitions(t), "A read B's intent from the outbox")

	found, sure := a.ids.has("int_unseen", e.clk.Now())
	require.False(t, found)
	require.False(t, sure, "a stale poll is not trusted")
	a.pollKnown(ctx)
	_, sure = a.ids.has("int_unseen", e.clk.Now())
	require.True(t, sure, "a fresh, complete poll is")
}

// TestKnownIntentsOverflow: an outbox holding more intents than the set
// may keep leaves it incomplete, so every miss is read from the outbox.
func TestKnownIntentsOverflow(t *testing.T) {
	e := newEnv(t)
	x := e.idle(t, Guardrails{TenantCap: 100, GlobalCap: 100}, nil)
	x.handle(t, newAlert(t, ruleLeaked, "acme", "cred_1", kindToken), newAlert(t, ruleLeaked, "acme", "cred_2", kindToken))
	k := newKnownIntents(1)
	require.NoError(t, k.poll(context.Background(), x.outbox, e.clk.Now()))
	_, sure := k.has("int_unseen", e.clk.Now())
	require.False(t, sure)
}
