package gen_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	ingest "github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
)

// attackNames are the attack scenarios, in the order of their rules.
var attackNames = []string{"cross_tenant_private", "space_token_off_platform", "build_overread", "enumeration",
	"first_seen_asn", "impossible_travel", "dormant_token", "leaked_token_used", "minted_then_used",
	"scope_escalation", "repersistence", "space_duplicate_probe", "foreign_secret_runtime_read",
	"revoked_token_replay"}

// episode is the episode of the attack called name in the stream of cfg.
func episode(t testing.TB, cfg gen.Config, name string) gen.Episode {
	t.Helper()
	ep, err := gen.EpisodeOf(cfg, name)
	require.NoError(t, err)
	return ep
}

func TestAttacksAreRegistered(t *testing.T) {
	r := gen.Builtin()
	var rules []string
	for i, s := range gen.Attacks(0) {
		require.Equal(t, attackNames[i], s.Name())
		got, ok := r.Get(s.Name())
		require.True(t, ok, s.Name())
		a, ok := got.(gen.Attack)
		require.True(t, ok, "%s is an Attack", s.Name())
		require.True(t, strings.HasPrefix(a.Description(), "attack: "), a.Description())
		rules = append(rules, a.Rule())
	}
	require.Equal(t, []string{"cross_tenant_private", "workload_token_off_platform", "build_overread", "enumeration",
		"first_seen_asn", "impossible_travel", "dormant_token_use", "leaked_token_used", "minted_then_used_elsewhere",
		"scope_escalation", "repersistence", "space_duplicate_probe", "foreign_secret_runtime_read",
		"revoked_credential_used"}, rules)
}

func TestEpisodeOfRejectsUnknownAndBenignScenarios(t *testing.T) {
	_, err := gen.EpisodeOf(gen.Config{}, "nope")
	require.ErrorContains(t, err, `"nope"`)
	require.ErrorContains(t, err, "enumeration")
	_, err = gen.EpisodeOf(gen.Config{}, "travel")
	require.ErrorContains(t, err, "not an attack")
}

func TestUnknownScenarioListsAttacksToo(t *testing.T) {
	_, err := gen.New(gen.Config{Scenarios: []string{"enumeration", "no_such_attack"}})
	require.ErrorContains(t, err, `"no_such_attack"`)
	for _, name := range attackNames {
		require.ErrorContains(t, err, name)
	}
}

func TestEpisodesAreDeterministic(t *testing.T) {
	for _, name := range attackNames {
		a := episode(t, gen.Config{Seed: 3, Start: start}, name)
		require.Equal(t, a, episode(t, gen.Config{Seed: 3, Start: start}, name), name)
		b := episode(t, gen.Config{Seed: 4, Start: start}, name)
		require.NotEqual(t, a.Events[0].ID, b.Events[0].ID, name)
	}
}

// decoder is ingest's decoder with a fixed key, judging "future" from 9999.
func decoder(t testing.TB) *ingest.Decoder {
	r, err := redact.New([]byte("test-redaction-key-0123456789"))
	require.NoError(t, err)
	far := time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	return ingest.New(r, func() time.Time { return far }, ingest.DefaultLimits())
}

func TestEpisodesDecodeCleanly(t *testing.T) {
	d := decoder(t)
	for _, tenants := range []int{1, 2, 200} {
		for _, name := range attackNames {
			ep := episode(t, gen.Config{Seed: 5, Tenants: tenants, Start: start}, name)
			for i := range ep.Events {
				msg := gen.AppendJSON(nil, &ep.Events[i])
				got, err := d.Decode(msg)
				require.NoError(t, err, "%s: %s", name, msg)
				require.Empty(t, got.Redactions, "%s: credential-like text in %s", name, msg)
				want := ep.Events[i]
				got.Format, got.Raw, got.Source.HasGeo, want.Source.HasGeo = "", nil, false, false
				if !reflect.DeepEqual(want, got) {
					t.Fatalf("%s: decode changed the event:\n%s\nwant %+v\ngot  %+v", name, msg, want, got)
				}
				require.Contains(t, event.Actions, got.Action, name)
				require.NotZero(t, got.Source.ASN, "%s: %s", name, msg)
				require.Len(t, got.Source.Country, 2, "%s: %s", name, msg)
			}
		}
	}
}

func TestEpisodesAreWellFormed(t *testing.T) {
	for _, name := range attackNames {
		ep := episode(t, gen.Config{Seed: 6, Start: start}, name)
		ids := map[string]bool{}
		for i, ev := range ep.Events {
			require.False(t, ids[ev.ID], "%s: duplicate id %s", name, ev.ID)
			ids[ev.ID] = true
			require.True(t, ev.Time.Equal(ev.Time.Truncate(time.Millisecond)), name)
			require.False(t, ev.Time.Before(start), name)
			if i > 0 {
				require.False(t, ev.Time.Before(ep.Events[i-1].Time), "%s: time goes back at %s", name, ev.ID)
			}
			require.Contains(t, event.Outcomes, ev.Outcome)
			require.False(t, ev.Token.CreatedAt.After(ev.Time), "%s: token used before it was created", name)
		}
		require.NotEmpty(t, ep.AttackIDs, name)
		warm, attack := split(ep)
		require.Len(t, attack, len(ep.AttackIDs), name)
		require.NotEmpty(t, warm, name)
		require.False(t, attack[0].Time.Before(warm[len(warm)-1].Time), "%s: warm-up after the attack", name)
		require.GreaterOrEqual(t, attack[0].Time.Sub(warm[0].Time), 8*24*time.Hour, "%s: warm-up too short", name)
		at := gen.DefaultAttackAt
		if name == "dormant_token" {
			at += gen.DefaultDormantIdle
		}
		require.True(t, attack[0].Time.Equal(start.Add(at)), "%s: attack at %v", name, attack[0].Time)
	}
}

// split is ep's warm-up events and attack events.
func split(ep gen.Episode) (warm, attack []event.Event) {
	for _, ev := range ep.Events {
		if slices.Contains(ep.AttackIDs, ev.ID) {
			attack = append(attack, ev)
		} else {
			warm = append(warm, ev)
		}
	}
	return warm, attack
}

func TestAttacksStrikeWhenTold(t *testing.T) {
	reg := gen.NewRegistry(gen.Attacks(3 * 24 * time.Hour)...)
	for _, name := range attackNames {
		_, attack := split(episode(t, gen.Config{Seed: 7, Start: start, Registry: reg}, name))
		at := 3 * 24 * time.Hour
		if name == "dormant_token" {
			at += gen.DefaultDormantIdle
		}
		require.True(t, attack[0].Time.Equal(start.Add(at)), "%s: attack at %v", name, attack[0].Time)
	}
}
