package detect_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/rules"
)

// offPlatform is a Space token used from outside the platform at.
func offPlatform(id, tok string, at time.Time, asn uint32) event.Event {
	ev := use(id, tok, at, asn, "RO", 44.4, 26.1)
	ev.Token.Workload = "space:acme/chat"
	return ev
}

func engineWith(t *testing.T, cfg detect.Config) *detect.Engine {
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	return detect.NewEngine(rs, cfg)
}

func TestSuppressedAlertsAreKeptAndMarked(t *testing.T) {
	s := detect.Suppression{ID: "sup-1", Rule: "workload_token_off_platform", ASN: 9009, Owner: "soc@acme",
		Reason: "pen test from M247 this week", Expires: t0.Add(7 * 24 * time.Hour)}
	require.NoError(t, s.Validate())
	e := engineWith(t, detect.Config{Suppressions: []detect.Suppression{s}})
	var updates []detect.Update
	for _, ev := range []event.Event{
		offPlatform("in-scope", "tok1", t0, 9009),
		offPlatform("other-asn", "tok2", t0, 14061),
		offPlatform("expired", "tok3", t0.Add(8*24*time.Hour), 9009),
	} {
		u, err := e.Process(context.Background(), &ev)
		require.NoError(t, err)
		updates = append(updates, u...)
	}
	require.Len(t, updates, 3, "a suppressed alert is kept")
	require.True(t, updates[0].Alert.Suppressed)
	require.Equal(t, "sup-1", updates[0].Alert.Suppression.ID)
	require.False(t, updates[0].Publish(), "never sent to response")
	require.False(t, updates[1].Alert.Suppressed, "another ASN is out of scope")
	require.True(t, updates[1].Publish())
	require.False(t, updates[2].Alert.Suppressed, "expired")
}

func TestShadowRulesRecordButDoNotRespond(t *testing.T) {
	e := engineWith(t, detect.Config{Shadow: []string{"workload_token_off_platform"}})
	ev := offPlatform("x", "tok", t0, 9009)
	u, err := e.Process(context.Background(), &ev)
	require.NoError(t, err)
	require.Len(t, u, 1)
	require.True(t, u[0].Alert.Shadow)
	require.False(t, u[0].Publish())
	require.Len(t, e.Alerts(), 1, "recorded")
}

func TestSuppressionsNeedOwnerReasonExpiryAndScope(t *testing.T) {
	ok := detect.Suppression{ID: "s", Rule: "*", Tenant: "acme", Owner: "o", Reason: "r", Expires: t0}
	require.NoError(t, ok.Validate())
	for field, s := range map[string]detect.Suppression{
		"owner":   {ID: "s", Rule: "r", Reason: "r", Expires: t0},
		"reason":  {ID: "s", Rule: "r", Owner: "o", Expires: t0},
		"expires": {ID: "s", Rule: "r", Owner: "o", Reason: "r"},
		"scope":   {ID: "s", Rule: "*", Owner: "o", Reason: "r", Expires: t0},
	} {
		require.ErrorContains(t, s.Validate(), field)
	}
	path := filepath.Join(t.TempDir(), "s.json")
	require.NoError(t, os.WriteFile(path, []byte(`[{"id":"s","rule":"first_seen_asn","owner":"o","expires":"2027-01-01T00:00:00Z"}]`), 0o600))
	_, err := detect.LoadSuppressions(path)
	require.ErrorContains(t, err, "reason is required")
}
