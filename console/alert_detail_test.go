package console

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestAlertPage: the alert at its newest revision with its facts, its
// evidence (one event gone from the store), the credential's events
// around it, related alerts newest first, and each intent's transitions;
// never an intent's payload.
func TestAlertPage(t *testing.T) {
	x := newForensicRig(t)
	var d AlertDetail
	x.getJSON(t, "tok-admin", "/api/v1/alerts/globex/alr_page", &d)
	require.Equal(t, uint32(2), d.Alert.Revision)
	require.Equal(t, now.Add(-2*time.Hour), d.Alert.LastSeen)
	require.Equal(t, uint32(3), d.Alert.EvidenceCount)
	require.Nil(t, d.Alert.Suppression)

	requirePageFacts(t, d.Explanation)

	require.False(t, d.Evidence.Truncated)
	require.Len(t, d.Evidence.Events, 3)
	for i, id := range []string{"mal-globex-1", "mal-globex-2", "gone-event"} {
		ev := d.Evidence.Events[i]
		require.Equal(t, []any{uint32(i), id, i < 2}, []any{ev.Seq, ev.ID, ev.Found})
		if ev.Found {
			require.Equal(t, id, ev.Event.ID)
			require.Equal(t, "globex", ev.Event.Tenant)
			require.Equal(t, uint32(9009), ev.Event.Source.ASN)
		}
	}

	require.Equal(t, "token", d.Timeline.Source)
	require.Equal(t, now.Add(-9*time.Hour), d.Timeline.From)
	require.Len(t, d.Timeline.Events, 11, "acme's hourly uses from 9 h before and mallory's two")
	require.Equal(t, "acme-home-03", d.Timeline.Events[0].ID, "oldest first")

	require.Equal(t, []string{"alr_rel_actor", "alr_rel_cred"}, alertIDs(d.Related))

	requirePageResponse(t, d.Response)

	_, body := x.get(t, "tok-admin", "/api/v1/alerts/globex/alr_page")
	require.NotContains(t, string(body), "payload", "an intent's webhook body is never shown")
	e := x.actions.entries[len(x.actions.entries)-1]
	require.Equal(t, []string{"alert.view", "globex"}, []string{e.Action, e.Tenant})
}

func alertIDs(as []Alert) []string {
	ids := []string{}
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	return ids
}

// requirePageFacts: the page alert's explanation in words and numbers.
func requirePageFacts(t *testing.T, e Explained) {
	require.True(t, e.Decoded)
	require.Equal(t, "cross-tenant use", e.Description)
	facts := map[string]Fact{}
	for _, f := range e.Facts {
		facts[f.Name] = f
	}
	require.Equal(t, "UNSEEN", facts["credential.network"].Marker)
	require.Equal(t, 9009.0, *facts["credential.network"].Observed)
	require.Equal(t, 1.0, *facts["credential.network"].Baseline)
	require.Contains(t, facts["credential.network"].Text, "network AS9009 is UNSEEN")
	require.Equal(t, "RARE", facts["credential.country"].Marker)
	require.Equal(t, "UNSEEN", facts["actor.network"].Marker)
	require.Empty(t, facts["tenant.network"].Marker)
	require.Equal(t, "ABOVE_BASELINE", facts["window.distinct"].Marker)
	require.Equal(t, 1.0, *facts["window.distinct"].Baseline)
	require.Equal(t, "SEQUENCE", facts["sequence.leak_reported"].Marker)
	require.Equal(t, 51.5, *facts["sequence.leak_reported"].Observed)
}

// requirePageResponse: the revocation (kept under acme) with its four
// transitions, then the notification.
func requirePageResponse(t *testing.T, intents []IntentRecord) {
	require.Len(t, intents, 2)
	revoke := intents[0]
	require.Equal(t, []string{"int_revoke", "acme", "delivered", "revoke"}, []string{revoke.ID, revoke.Tenant, revoke.State, revoke.Action})
	require.Len(t, revoke.Transitions, 4)
	approved := revoke.Transitions[1]
	require.Equal(t, []any{uint32(2), "approved", "ann", "confirmed theft", uint32(0)},
		[]any{approved.Seq, approved.State, approved.By, approved.Detail, approved.Attempt})
	require.Equal(t, now.Add(-108*time.Minute), revoke.Transitions[2].At)
	require.Equal(t, "int_notify", intents[1].ID)
}
