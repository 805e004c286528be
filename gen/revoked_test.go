package gen

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// A use of a token after its successful revocation is refused, whatever the
// action presenting it; other tokens, failed revocations and the revoking
// itself are left as they are.
func TestRevokedTokensAreRefused(t *testing.T) {
	g := &Generator{}
	at := time.Date(2026, 3, 16, 7, 0, 0, 0, time.UTC)
	emit := func(action, outcome, tok string) string {
		ev := event.Event{Time: at, Action: action, Outcome: outcome, Token: event.Token{ID: tok}}
		g.refuseRevoked(&ev)
		at = at.Add(time.Minute)
		return ev.Outcome
	}
	require.Equal(t, "success", emit("token.use", "success", "tok_a"))
	require.Equal(t, "failure", emit("token.revoke", "failure", "tok_a"))
	require.Equal(t, "success", emit("token.use", "success", "tok_a"), "the revocation failed")
	require.Equal(t, "success", emit("token.revoke", "success", "tok_a"))
	for _, action := range []string{"token.use", "secret.read", "secret.list"} {
		require.Equal(t, "denied", emit(action, "success", "tok_a"), action)
	}
	require.Equal(t, "failure", emit("token.use", "failure", "tok_a"))
	require.Equal(t, "success", emit("token.use", "success", "tok_b"))
	require.Equal(t, "success", emit("space.duplicate", "success", ""))
}

// A token revoked by a scenario whose revocations lag keeps the outcomes
// planned for it; others are still refused.
func TestLaggingRevocationsAreExempt(t *testing.T) {
	g := &Generator{}
	at := time.Date(2026, 3, 16, 7, 0, 0, 0, time.UTC)
	lagging := event.Event{Time: at, Action: "token.revoke", Outcome: "success", Token: event.Token{ID: "tok_a"}}
	g.exemptRevocation(&lagging)
	use := event.Event{Time: at, Action: "token.use", Outcome: "success", Token: event.Token{ID: "tok_b"}}
	g.exemptRevocation(&use) // not a revocation: exempts nothing
	for _, tok := range []string{"tok_a", "tok_b"} {
		for _, ev := range []event.Event{
			{Time: at, Action: "token.revoke", Outcome: "success", Token: event.Token{ID: tok}},
			{Time: at.Add(time.Hour), Action: "token.use", Outcome: "success", Token: event.Token{ID: tok}},
		} {
			g.refuseRevoked(&ev)
			want := map[bool]string{true: "success", false: "denied"}[tok == "tok_a" || ev.Action == "token.revoke"]
			require.Equal(t, want, ev.Outcome, "%s %s", tok, ev.Action)
		}
	}
	require.True(t, lagsRevocation(RevokedTokenReplay{}))
	require.False(t, lagsRevocation(RevokedTokenReplay{Enforced: true}))
	require.False(t, lagsRevocation(Repersistence{}))
}
