package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// spaceCall is the Space space:acme/chat calling the API with its bound
// token from the platform's network, as workload.
func spaceCall(id string, at time.Time, workload string) event.Event {
	ev := use(id, "space-tok", at, 14618, "US", 39, -77)
	ev.Actor = event.Actor{ID: "space:acme/chat", Type: "space", Tenants: []string{"acme"}}
	ev.Token.Workload, ev.Source.Internal = "space:acme/chat", true
	ev.Workload = event.Workload{ID: workload, BuildID: "bld_1", Phase: "runtime"}
	return ev
}

// TestSpaceTokenReplayedByAnotherSpace: a Space's bound token, read out of
// it, is replayed from another Space on the platform (source internal): one
// critical alert; the Space's own calls, under any casing, stay quiet.
func TestSpaceTokenReplayedByAnotherSpace(t *testing.T) {
	var evs []event.Event
	for i := range 20 {
		evs = append(evs, spaceCall(fmt.Sprintf("own%d", i), t0.Add(time.Duration(i)*time.Hour), "space:acme/chat"))
	}
	evs = append(evs, spaceCall("cased", t0.Add(21*time.Hour), "space:Acme/Chat"))
	quiet := rulesOf(run(t, newEngine(t), evs))
	require.NotContains(t, quiet, "workload_token_off_platform")
	for i := range 3 {
		evs = append(evs, spaceCall(fmt.Sprintf("x%d", i), t0.Add(30*time.Hour+time.Duration(i)*time.Minute), "space:evil/harvest"))
	}
	a := rulesOf(run(t, newEngine(t), evs))["workload_token_off_platform"]
	require.NotNil(t, a)
	require.Equal(t, "critical", a.Severity)
	require.Equal(t, []string{"x0", "x1", "x2"}, a.EventIDs)
	require.Contains(t, a.Explanation.Reason, "space:evil/harvest")
}

// TestAnotherTenantsSecretRead: a token of tenant acme reads a secret of
// tenant victim, whose read names no visibility (as Space secret reads do).
func TestAnotherTenantsSecretRead(t *testing.T) {
	evs := history("tok")
	for i, r := range []event.Resource{{}, {Type: "secret", ID: "sec_9"}} {
		ev := use(fmt.Sprintf("read%d", i), "tok", t0.Add(10*24*time.Hour+time.Duration(i)*time.Minute), 14061, "NL", 52.37, 4.9)
		ev.Action, ev.Tenant, ev.Resource = "secret.read", "victim", r
		ev.Secret = event.Secret{ID: "sec_9", Tenant: "victim", Workload: "space:victim/chat"}
		evs = append(evs, ev)
	}
	a := rulesOf(run(t, newEngine(t), evs))["cross_tenant_private"]
	require.NotNil(t, a)
	require.Equal(t, []string{"read0", "read1"}, a.EventIDs)
	require.Equal(t, "victim", a.Tenant)
}

// TestMintedFromAnUnknownNetworkThenUsedElsewhere: the creation carries no
// network (an internal request), the use within minutes comes from one the
// owner never used.
func TestMintedFromAnUnknownNetworkThenUsedElsewhere(t *testing.T) {
	evs := history("old")
	create := use("mint", "new", t0.Add(10*24*time.Hour), 0, "", 0, 0)
	create.Action, create.Source = "token.create", event.Source{Internal: true}
	home := use("home", "new", create.Time.Add(2*time.Minute), 3320, "DE", 52.5, 13.4)
	away := use("away", "new", create.Time.Add(4*time.Minute), 14061, "SG", 1.29, 103.85)
	a := rulesOf(run(t, newEngine(t), append(evs, create, home, away)))["minted_then_used_elsewhere"]
	require.NotNil(t, a)
	require.Equal(t, []string{"away"}, a.EventIDs)
}
