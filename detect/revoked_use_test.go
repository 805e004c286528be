package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestRevokedCredentialPresentedAgain: a use of a token after its own
// revocation alerts, by how it fared and how long after; a use before it,
// another token's revocation, or a revocation that failed or may not have
// happened arm nothing.
func TestRevokedCredentialPresentedAgain(t *testing.T) {
	for i, c := range []struct {
		revokeOutcome, useOutcome string
		revokedToken              string
		after                     time.Duration
		severity                  string // "" for no alert
	}{
		{"success", "success", "tok_a", 3 * time.Hour, "critical"},
		{"success", "success", "tok_a", 20 * time.Second, "high"},
		{"success", "denied", "tok_a", 26 * time.Hour, "low"},
		{"success", "failure", "tok_a", 89 * 24 * time.Hour, "low"},
		{"success", "success", "tok_a", 91 * 24 * time.Hour, ""}, // past the horizon
		{"success", "success", "tok_a", -time.Minute, ""},        // the use came first
		{"failure", "success", "tok_a", time.Hour, ""},
		{"unknown", "success", "tok_a", time.Hour, ""},
		{"success", "success", "tok_b", time.Hour, ""}, // another token was revoked
	} {
		t.Run(fmt.Sprintf("%d-%s-%s-%s", i, c.revokeOutcome, c.useOutcome, c.after), func(t *testing.T) {
			at := t0.Add(time.Duration(i) * 7 * time.Hour)
			revoke := event.Event{ID: "rev", Time: at, Action: "token.revoke", Outcome: c.revokeOutcome, Tenant: "acme",
				Actor: event.Actor{ID: "alice", Type: "user"}, Token: event.Token{ID: c.revokedToken},
				Source: event.Source{ASN: 3320, Country: "DE"}}
			use := event.Event{ID: "use", Time: at.Add(c.after), Action: "token.use", Outcome: c.useOutcome, Tenant: "acme",
				Actor: event.Actor{ID: "alice", Type: "user"}, Token: event.Token{ID: "tok_a"},
				Source: event.Source{ASN: uint32(9009 + i), Country: "NL"}}
			evs := []event.Event{revoke, use}
			if c.after < 0 {
				evs = []event.Event{use, revoke}
			}
			a := rulesOf(run(t, newEngine(t), evs))["revoked_credential_used"]
			if c.severity == "" {
				require.Nil(t, a)
				return
			}
			require.NotNil(t, a)
			require.Equal(t, c.severity, a.Severity)
			require.Equal(t, []string{"use"}, a.EventIDs)
			require.Equal(t, "rev", a.Explanation.Baseline.Sequence.CredentialRevoked.EventID)
		})
	}
}
