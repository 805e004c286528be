package gen_test

import (
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// privileged matches the scopes a widening must add.
var privileged = regexp.MustCompile(`write|admin|manage`)

func TestVariantThievesComeFromNetworksTheOwnerNeverUsed(t *testing.T) {
	for _, a := range variantCases {
		ep, at := played(t, a, 6)
		warm, strike := split(ep)
		known := knownASNs(warm)
		for _, ev := range strike {
			require.NotContains(t, known[ev.Actor.ID], ev.Source.ASN, "%s: %s from a known network", a.Name(), ev.Action)
			require.Equal(t, "user", ev.Actor.Type, a.Name())
		}
		switch v := a.(type) {
		case gen.NeverUsedToken:
			tok := strike[0].Token
			for _, ev := range warm {
				require.False(t, ev.Token.ID == tok.ID && ev.Action != "token.create", "%s: used before", a.Name())
			}
			require.WithinRange(t, tok.CreatedAt, at.Add(-v.Age-6*time.Hour), at.Add(-v.Age), a.Name())
		case gen.RevokedRepersist:
			i := slices.IndexFunc(warm, func(ev event.Event) bool { return ev.Action == "token.revoke" })
			revoke := warm[i]
			require.True(t, revoke.Time.Equal(at), a.Name())
			require.NotEqual(t, revoke.Token.Owner, revoke.Actor.ID, "%s: revoked by someone else", a.Name())
			require.Equal(t, revoke.Token.Owner, strike[0].Actor.ID, a.Name())
			require.Equal(t, v.Revoker == gen.RevokerService, revoke.Actor.Type == "service", a.Name())
			want := map[gen.Persistence][]string{gen.PersistBoth: {"token.create", "webhook.create"},
				gen.PersistToken: {"token.create"}, gen.PersistWebhook: {"webhook.create"}}[v.Persist]
			require.ElementsMatch(t, want, actions(strike, "token.use"), a.Name())
			require.Equal(t, v.Use && v.Persist != gen.PersistWebhook, slices.Contains(actions(strike, ""), "token.use"), a.Name())
			require.Less(t, strike[len(strike)-1].Time.Sub(at), 2*time.Hour, a.Name())
		case gen.ScopeWidening:
			update := strike[0]
			require.Equal(t, "token.update_scopes", update.Action, a.Name())
			require.True(t, slices.ContainsFunc(update.Token.Scopes, privileged.MatchString), a.Name())
			require.Equal(t, v.After == gen.NoLaterUse, len(strike) == 1, a.Name())
			for _, ev := range strike[1:] {
				require.Equal(t, v.After == gen.LaterSameNet, ev.Source.ASN == update.Source.ASN, a.Name())
				require.Less(t, ev.Time.Sub(at), time.Hour, a.Name())
			}
		case gen.OrgLegacyFirstSeen:
			require.Len(t, strike, v.Uses, a.Name())
			for _, ev := range strike {
				require.Equal(t, "org_legacy", ev.Token.Kind, a.Name())
				require.True(t, gen.IsHosting(ev.Source.ASN), a.Name())
				require.Equal(t, ev.Token.Tenant, ev.Tenant, a.Name())
			}
		}
	}
}

func TestBenignTrafficNeverComesFromHostingProviders(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 9, Start: start, Rate: 20, Registry: busy()})
	each(g, 100_000, func(ev *event.Event) {
		require.False(t, gen.IsHosting(ev.Source.ASN), "%+v", ev)
	})
}

func TestLookAlikesActFromTheUsersUsualNetworks(t *testing.T) {
	for _, l := range lookAlikeCases {
		ep, _ := played(t, l, 7)
		warm, strike := split(ep)
		known := knownASNs(slices.DeleteFunc(warm, func(ev event.Event) bool { return !ev.Time.Before(strike[0].Time) }))
		for _, ev := range strike {
			if ev.Actor.Type == "user" {
				require.Contains(t, known[ev.Actor.ID], ev.Source.ASN, "%s: %s from a new network", l.Name(), ev.Action)
			}
		}
	}
}

// actions are the actions of evs, but not.
func actions(evs []event.Event, not string) []string {
	var out []string
	for _, ev := range evs {
		if ev.Action != not {
			out = append(out, ev.Action)
		}
	}
	return out
}
