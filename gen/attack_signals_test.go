package gen_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// signal checks that an episode shows what its rule keys on, unmistakably:
// in the attack and not in the warm-up.
type signal func(t *testing.T, warm, attack []event.Event)

// signals are the checks, by scenario; see attack_signals_more_test.go and
// attack_signals_late_test.go.
var signals = map[string]signal{
	"cross_tenant_private":        crossTenant,
	"space_token_off_platform":    offPlatform,
	"build_overread":              overread,
	"enumeration":                 enumeration,
	"first_seen_asn":              firstSeenASN,
	"impossible_travel":           impossibleTravel,
	"dormant_token":               dormant,
	"leaked_token_used":           leaked,
	"minted_then_used":            minted,
	"scope_escalation":            scopeEscalation,
	"repersistence":               repersistence,
	"space_duplicate_probe":       duplicateProbe,
	"foreign_secret_runtime_read": foreignRuntimeRead,
	"revoked_token_replay":        revokedReplay,
}

func TestEpisodesShowTheirSignal(t *testing.T) {
	for _, tenants := range []int{200, 3} {
		for seed := range uint64(8) {
			for _, name := range attackNames {
				t.Run(name, func(t *testing.T) {
					cfg := gen.Config{Seed: seed, Tenants: tenants, Start: start}
					warm, attack := split(episode(t, cfg, name))
					signals[name](t, warm, attack)
				})
			}
		}
	}
}

// isCrossTenantPrivate is the cross_tenant_private signal.
func isCrossTenantPrivate(ev *event.Event) bool {
	return ev.Action == "token.use" && ev.Outcome == "success" && ev.Resource.Visibility == "private" &&
		ev.Token.Tenant != ev.Tenant && !slices.Contains(ev.Actor.Tenants, ev.Tenant)
}

func crossTenant(t *testing.T, warm, attack []event.Event) {
	require.False(t, slices.ContainsFunc(warm, func(ev event.Event) bool { return isCrossTenantPrivate(&ev) }))
	hits := 0
	for _, ev := range attack {
		if isCrossTenantPrivate(&ev) && gen.IsVPN(ev.Source.ASN) {
			hits++
		}
	}
	require.GreaterOrEqual(t, hits, 2)
}

func offPlatform(t *testing.T, warm, attack []event.Event) {
	days := map[string]bool{}
	for _, ev := range warm {
		require.True(t, ev.Source.Internal, "the Space's own uses are internal")
		require.Equal(t, ev.Actor.ID, ev.Token.Workload)
		days[ev.Time.Format(time.DateOnly)] = true
	}
	require.GreaterOrEqual(t, len(days), 8)
	for _, ev := range attack {
		require.Equal(t, warm[0].Token.ID, ev.Token.ID)
		require.Equal(t, "success", ev.Outcome)
		require.NotEmpty(t, ev.Token.Workload)
		require.False(t, ev.Source.Internal)
		require.True(t, gen.IsVPN(ev.Source.ASN))
	}
}

func overread(t *testing.T, warm, attack []event.Event) {
	builds := map[string]bool{}
	for _, ev := range warm {
		builds[ev.Workload.BuildID] = true
		if ev.Action == "secret.read" {
			require.Equal(t, ev.Workload.ID, ev.Secret.Workload, "a normal build reads its own secrets")
		}
	}
	require.GreaterOrEqual(t, len(builds), 4)
	var foreign []event.Event
	for _, ev := range attack {
		require.Equal(t, attack[0].Workload, ev.Workload, "one build")
		require.Equal(t, "build", ev.Actor.Type)
		if ev.Action == "secret.read" && ev.Secret.Workload != ev.Workload.ID {
			require.Equal(t, ev.Tenant, ev.Secret.Tenant)
			foreign = append(foreign, ev)
		}
	}
	require.True(t, len(foreign) >= 8 && len(foreign) <= 15, "%d foreign secrets", len(foreign))
	require.Less(t, foreign[len(foreign)-1].Time.Sub(foreign[0].Time), time.Minute)
	require.Equal(t, "build", attack[0].Workload.Phase)
}

func enumeration(t *testing.T, warm, attack []event.Event) {
	for i, ev := range warm { // a handful of distinct repos per 10 minutes
		repos := map[string]bool{}
		for _, o := range warm[i:] {
			if o.Time.Sub(ev.Time) < 10*time.Minute {
				repos[o.Resource.ID] = true
			}
		}
		require.LessOrEqual(t, len(repos), 5)
	}
	targets, tenants, denied := map[string]bool{}, map[string]bool{}, 0
	for _, ev := range attack {
		require.Equal(t, warm[0].Token.ID, ev.Token.ID)
		require.True(t, gen.IsVPN(ev.Source.ASN))
		targets[ev.Resource.ID] = true
		tenants[ev.Tenant] = true
		if ev.Outcome == "denied" {
			denied++
		}
	}
	require.GreaterOrEqual(t, len(targets), 40)
	require.GreaterOrEqual(t, len(tenants), 4)
	require.Greater(t, denied, len(attack)*3/4)
	require.Less(t, attack[len(attack)-1].Time.Sub(attack[0].Time), 5*time.Minute)
}
