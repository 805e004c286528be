package respond

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
)

// hundred is 100 alert messages on one credential: a new alert
// re-published 98 times, its escalated revision (first, or second) and a
// second rule's alert midway.
func hundred(t *testing.T, tenant, cred, kind string, escalatedFirst bool) []kafka.Message {
	a := alertOf(ruleOffPlatform, tenant, cred, kind)
	a.Severity = "high"
	up := message(t, escalated(a, "critical"), detect.UpdateEscalated)
	var msgs []kafka.Message
	for range 98 {
		msgs = append(msgs, message(t, a, detect.UpdateNew))
	}
	msgs = slices.Insert(msgs, 50, newAlert(t, ruleLeaked, tenant, cred, kind))
	if escalatedFirst {
		return append([]kafka.Message{up}, msgs...)
	}
	return slices.Insert(msgs, 1, up)
}

// TestHundredAlertsOnOneCredentialRevokeItOnce: the same alert delivered
// 100 times (re-published, escalated, and a second rule) makes one intent
// and one revocation per (tenant, credential), for tokens and secrets,
// whether the escalation comes before the new alert or after, and the same
// credential id in another tenant is another credential.
func TestHundredAlertsOnOneCredentialRevokeItOnce(t *testing.T) {
	e := newEnv(t)
	x := e.responder(t, Guardrails{}, nil)
	type cred struct{ tenant, id, kind string }
	creds := []cred{{"acme", "tok_1", kindToken}, {"acme", "sec_1", kindSecret},
		{"globex", "tok_1", kindToken}, {"globex", "sec_2", kindSecret}}
	var all [][]kafka.Message
	for i, c := range creds {
		all = append(all, hundred(t, c.tenant, c.id, c.kind, i%2 == 1))
	}
	for i := range 100 { // interleaved, as partitions would deliver them
		for _, msgs := range all {
			x.handle(t, msgs[i])
		}
	}

	e.waitStates(t, map[string]int{StateDelivered: len(creds)})
	require.InDelta(t, float64(len(creds)*99), value(t, x.metrics.duplicates), 0)
	var got []cred
	for _, r := range e.rcv.revocations() {
		got = append(got, cred{r.Tenant, r.Credential, ""})
	}
	for _, c := range creds {
		require.Contains(t, got, cred{c.tenant, c.id, ""})
		id := IntentID(c.tenant, c.id, ActionRevoke, "", false)
		require.Equal(t, []string{"1 auto credwatch-respond", "2 delivering credwatch-respond",
			"3 delivered credwatch-respond"}, e.history(t, id), "%s/%s", c.tenant, c.id)
	}
	require.Len(t, got, len(creds), "one revocation per credential")
	require.EqualValues(t, len(creds), e.rcv.revokes.Load(), "token.revoke events emitted")
	require.Equal(t, len(creds), e.rcv.answered(http.StatusOK), "webhooks sent")
	require.Zero(t, e.rcv.answered(http.StatusConflict), "no webhook sent twice")
	var rows uint64
	require.NoError(t, e.st.Conn().QueryRow(context.Background(), "SELECT count() FROM response_intents").Scan(&rows))
	require.EqualValues(t, 3*len(creds), rows, "three transitions per intent, none twice")
	t.Logf("%d alert messages → %d intents, %d revocations, %d webhooks", 100*len(creds), len(creds),
		len(got), e.rcv.answered(http.StatusOK))
}
