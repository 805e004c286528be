package gen_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// TestRevokedTokenReplayRevokers: the owner revokes in the web UI, from
// home, about half the time; otherwise an admin of the owner's org (in the
// web UI) or an automated responder (through the API) does. The
// revocation is at At, whoever makes it.
func TestRevokedTokenReplayRevokers(t *testing.T) {
	by := map[string]int{}
	for seed := range uint64(40) {
		ep, at := played(t, gen.RevokedTokenReplay{At: 12 * day}, seed)
		warm, strike := split(ep)
		revoke := strike[0]
		require.True(t, revoke.Time.Equal(at))
		require.Equal(t, revoke.Token.Tenant, revoke.Tenant)
		switch {
		case revoke.Actor.ID == revoke.Token.Owner:
			by["owner"]++
			require.True(t, historyOf(warm, token(revoke.Token.ID)).asns[revoke.Source.ASN], "from home")
			require.True(t, strings.HasPrefix(revoke.Source.UserAgent, "Mozilla/"), "in the web UI")
		case revoke.Actor.Type == "service":
			by["responder"]++
			require.Empty(t, revoke.SessionID, "through the API")
		default:
			by["admin"]++
			require.Equal(t, "user", revoke.Actor.Type)
			require.Contains(t, revoke.Actor.Tenants, revoke.Token.Tenant)
			require.NotEmpty(t, revoke.SessionID, "in the web UI")
		}
	}
	require.Len(t, by, 3, "%v", by)
	require.Greater(t, by["owner"], by["admin"])
}

// TestEnforcedRevocationRefusesEveryReplay: Enforced plays the same
// presentations, when and from where, every one refused.
func TestEnforcedRevocationRefusesEveryReplay(t *testing.T) {
	for seed := range uint64(6) {
		lagged, _ := played(t, gen.RevokedTokenReplay{}, seed)
		enforced, _ := played(t, gen.RevokedTokenReplay{Enforced: true}, seed)
		require.Len(t, enforced.Events, len(lagged.Events))
		for i, ev := range enforced.Events {
			if !slices.Contains(enforced.AttackIDs, ev.ID) || ev.Action != "token.use" {
				require.Equal(t, lagged.Events[i], ev)
				continue
			}
			require.Equal(t, "denied", ev.Outcome)
			ev.Outcome = lagged.Events[i].Outcome
			require.Equal(t, lagged.Events[i], ev)
		}
	}
}

// plainScenario hides a scenario's other methods: played through it, a
// RevocationLag is an ordinary scenario.
type plainScenario struct{ gen.Scenario }

// TestLaggingRevocationStaysAcceptedInTheStream: the generator refuses the
// uses of a revoked token, but keeps the accepted use a RevocationLag
// plans; played as an ordinary scenario, that use is refused too.
func TestLaggingRevocationStaysAcceptedInTheStream(t *testing.T) {
	cfg := gen.Config{Seed: 2, Tenants: 20, Start: start, Rate: 0.002, NoOddities: true,
		Scenarios: []string{"revoked_token_replay"}}
	ep := episode(t, cfg, "revoked_token_replay")
	_, strike := split(ep)
	i := slices.IndexFunc(strike, func(ev event.Event) bool { return ev.Outcome == "success" && ev.Action == "token.use" })
	require.Positive(t, i)
	accepted := strike[i]
	until := strike[len(strike)-1].Time.Add(time.Minute)
	outcomeIn := func(cfg gen.Config) string {
		for _, line := range lines(newGen(t, cfg), until) {
			if ev := decode(t, []byte(line)); ev.ID == accepted.ID {
				return ev.Outcome
			}
		}
		return "missing"
	}
	require.Equal(t, "success", outcomeIn(cfg))
	cfg.Registry = gen.NewRegistry(plainScenario{gen.RevokedTokenReplay{}})
	require.Equal(t, "denied", outcomeIn(cfg))
}
