package gen_test

import (
	"cmp"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

const day = 24 * time.Hour

// variantCases are variants of every class, differing in victim, idle
// time, network kind, revoker, what is created and later use.
var variantCases = []gen.Attack{
	gen.NeverUsedToken{Age: 3 * day, Net: gen.NetHosting, Tag: "3d"},
	gen.NeverUsedToken{At: 45 * day, Age: 40 * day, Net: gen.NetVPN, Later: 26 * time.Hour, Tag: "40d"},
	gen.NeverUsedToken{At: 20 * day, Age: 120 * day, Net: gen.NetForeignISP, Uses: 3, Tag: "120d"},
	gen.RevokedRepersist{Persist: gen.PersistToken, Use: true, Tag: "admin"},
	gen.RevokedRepersist{Revoker: gen.RevokerService, Persist: gen.PersistWebhook, Net: gen.NetHosting, Tag: "svc"},
	gen.RevokedRepersist{Revoker: gen.RevokerService, Net: gen.NetForeignISP, Use: true, Tag: "both"},
	gen.ScopeWidening{Net: gen.NetHosting, Tag: "none"},
	gen.ScopeWidening{After: gen.LaterSameNet, Net: gen.NetVPN, Tag: "same"},
	gen.ScopeWidening{After: gen.LaterOtherNet, Net: gen.NetForeignISP, Tag: "other"},
	gen.OrgLegacyFirstSeen{Uses: 1, Tag: "one"},
	gen.OrgLegacyFirstSeen{At: 30 * day, Uses: 5, Tag: "five"},
}

// lookAlikeCases are look-alikes of every class.
var lookAlikeCases = []gen.LookAlike{
	gen.FreshTokenFirstUse{Age: 10 * time.Minute, Tag: "minutes"},
	gen.FreshTokenFirstUse{At: 30 * day, Age: 5 * day, Tag: "days"},
	gen.RevokeThenReplace{Tag: "admin"},
	gen.RevokeThenReplace{Revoker: gen.RevokerService, Webhook: true, Tag: "svc"},
	gen.WidenAtHome{Tag: "minutes"},
	gen.WidenAtHome{At: 20 * day, Wait: 30 * time.Hour, Tag: "next-day"},
}

// played is the episode s plays in a stream of 40 tenants of seed, and when it strikes.
func played(t *testing.T, s gen.Scenario, seed uint64) (gen.Episode, time.Time) {
	t.Helper()
	cfg := gen.Config{Seed: seed, Tenants: 40, Start: start, Registry: gen.NewRegistry(s)}
	var ep gen.Episode
	var err error
	if _, ok := s.(gen.Attack); ok {
		ep, err = gen.EpisodeOf(cfg, s.Name())
	} else {
		ep, err = gen.LookAlikeEpisodeOf(cfg, s.Name())
	}
	require.NoError(t, err)
	at, _ := reflect.ValueOf(s).FieldByName("At").Interface().(time.Duration)
	return ep, start.Add(cmp.Or(at, gen.DefaultAttackAt))
}

func TestVariantsAreRegisteredApartFromTheAttacks(t *testing.T) {
	r := gen.Builtin()
	for _, s := range slices.Concat(gen.Variants(0), gen.LookAlikes(0)) {
		got, ok := r.Get(s.Name())
		require.True(t, ok, s.Name())
		_, attack := got.(gen.Attack)
		_, lookalike := got.(gen.LookAlike)
		require.NotEqual(t, attack, lookalike, s.Name())
		require.True(t, strings.HasPrefix(s.Description(), map[bool]string{true: "attack: ", false: "benign: "}[attack]), s.Name())
		require.NotContains(t, attackNames, s.Name())
	}
	require.Equal(t, "never_used_token:x", gen.NeverUsedToken{Tag: "x"}.Name())
	require.Equal(t, "dormant_token_use", gen.NeverUsedToken{Age: gen.DormantAge}.Rule())
	require.Equal(t, "first_seen_asn", gen.NeverUsedToken{}.Rule())
}

func TestVariantEpisodesAreWellFormed(t *testing.T) {
	d := decoder(t)
	cases := slices.Concat(gen.Variants(0), gen.LookAlikes(0))
	for _, a := range variantCases {
		cases = append(cases, a)
	}
	for _, l := range lookAlikeCases {
		cases = append(cases, l)
	}
	for _, s := range cases {
		ep, at := played(t, s, 5)
		again, _ := played(t, s, 5)
		require.Equal(t, ep, again, "%s is deterministic", s.Name())
		require.NotEmpty(t, ep.AttackIDs, s.Name())
		_, strike := split(ep)
		// the attack, or the revocation it follows, is at At
		require.True(t, slices.ContainsFunc(ep.Events, func(ev event.Event) bool { return ev.Time.Equal(at) }), s.Name())
		require.False(t, strike[0].Time.Before(at), "%s strikes at %v, before %v", s.Name(), strike[0].Time, at)
		for i := range ep.Events {
			ev := &ep.Events[i]
			require.Empty(t, violation(ev), "%s: %+v", s.Name(), ev)
			require.False(t, ev.Time.Before(start), s.Name())
			require.False(t, i > 0 && ev.Time.Before(ep.Events[i-1].Time), s.Name())
			got, err := d.Decode(gen.AppendJSON(nil, ev))
			require.NoError(t, err, s.Name())
			require.Empty(t, got.Redactions, s.Name())
		}
	}
}

// knownASNs are the ASNs each actor used in evs.
func knownASNs(evs []event.Event) map[string][]uint32 {
	m := map[string][]uint32{}
	for _, ev := range evs {
		m[ev.Actor.ID] = append(m[ev.Actor.ID], ev.Source.ASN)
	}
	return m
}
