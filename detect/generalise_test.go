package detect_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// simDay is a day of simulated time.
const simDay = 24 * time.Hour

// variantClass is a class of attack variants no fixture shows, played in
// several variants: other victims, idle times, network kinds, revokers,
// orders, with and without a later use.
type variantClass struct {
	name     string
	variants []gen.Attack
}

var variantClasses = []variantClass{
	{"never_used_token", []gen.Attack{
		gen.NeverUsedToken{At: 12 * simDay, Age: 3 * simDay, Net: gen.NetHosting, Tag: "3d-hosting"},
		gen.NeverUsedToken{At: 50 * simDay, Age: 40 * simDay, Net: gen.NetVPN, Later: 30 * time.Hour, Tag: "40d-vpn-later"},
		gen.NeverUsedToken{At: 100 * simDay, Age: 120 * simDay, Net: gen.NetForeignISP, Uses: 3, Tag: "120d-isp"},
		gen.NeverUsedToken{At: 104 * simDay, Age: 95 * simDay, Net: gen.NetHosting, Uses: 1, Tag: "95d-hosting"},
	}},
	{"revoked_by_other_repersist", []gen.Attack{
		gen.RevokedRepersist{At: 15 * simDay, Persist: gen.PersistToken, Use: true, Net: gen.NetVPN, Tag: "admin-token-use"},
		gen.RevokedRepersist{At: 36 * simDay, Revoker: gen.RevokerService, Persist: gen.PersistWebhook, Net: gen.NetHosting, Tag: "service-webhook"},
		gen.RevokedRepersist{At: 58 * simDay, Revoker: gen.RevokerService, Net: gen.NetForeignISP, Tag: "service-both"},
		gen.RevokedRepersist{At: 77 * simDay, Net: gen.NetHosting, Use: true, Tag: "admin-both-use"},
	}},
	{"scope_widening", []gen.Attack{
		gen.ScopeWidening{At: 11 * simDay, Net: gen.NetHosting, Tag: "no-use"},
		gen.ScopeWidening{At: 44 * simDay, Net: gen.NetVPN, After: gen.LaterSameNet, Tag: "same-net"},
		gen.ScopeWidening{At: 67 * simDay, Net: gen.NetForeignISP, After: gen.LaterOtherNet, Tag: "other-net"},
	}},
	{"org_legacy_first_seen", []gen.Attack{
		gen.OrgLegacyFirstSeen{At: 18 * simDay, Uses: 1, Tag: "one"},
		gen.OrgLegacyFirstSeen{At: 47 * simDay, Uses: 5, Tag: "five"},
		gen.OrgLegacyFirstSeen{At: 79 * simDay, Uses: 2, Tag: "two"},
	}},
}

// TestVariantsGeneraliseInBenignTraffic plays every variant of every class
// inside 3½ months of honest traffic (40 tenants, oddities included) and
// requires each caught by its rule on its own events, and at most one
// medium-or-higher alert outside the attacks.
func TestVariantsGeneraliseInBenignTraffic(t *testing.T) {
	t.Parallel()
	reg := gen.NewRegistry()
	var names []string
	for _, c := range variantClasses {
		for _, v := range c.variants {
			reg.Add(v)
			names = append(names, v.Name())
		}
	}
	cfg := gen.Config{Seed: 41, Tenants: 40, Rate: 0.03, Start: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC),
		Registry: reg, Scenarios: names}
	attackOf, episodes := map[string]string{}, map[string]gen.Episode{} // event id → variant; variant → episode
	for _, name := range names {
		ep, err := gen.EpisodeOf(cfg, name)
		require.NoError(t, err)
		for _, id := range ep.AttackIDs {
			attackOf[id] = name
		}
		episodes[name] = ep
	}
	requireApart(t, episodes)
	e := newEngine(t)
	played, last := playFor(t, cfg, 106*simDay, func(ev *event.Event) {
		_, err := e.Process(context.Background(), ev)
		require.NoError(t, err)
	})
	caught, fired := map[string]bool{}, map[string][]string{}
	var falseSerious []string
	for _, a := range e.Alerts() {
		variant := ""
		for _, id := range a.EventIDs {
			variant = cmpOr(variant, attackOf[id])
		}
		if variant == "" {
			if rankOf(a.Severity) >= rankOf("medium") {
				falseSerious = append(falseSerious, a.Rule+": "+a.Explanation.Reason)
			}
			continue
		}
		fired[variant] = append(fired[variant], a.Rule+"/"+a.Severity)
		if s, _ := reg.Get(variant); s.(gen.Attack).Rule() == a.Rule {
			caught[variant] = true
		}
	}
	benignEvents := played - len(attackOf)
	t.Logf("figure: variants caught by their rule: %s; medium+ outside attacks: %d in %d benign events (%.1f per million) over %s %v",
		recall(caught), len(falseSerious), benignEvents, float64(len(falseSerious))*1e6/float64(benignEvents),
		last.Sub(cfg.Start).Round(time.Hour), falseSerious)
	for _, name := range names {
		s, _ := reg.Get(name)
		assert.True(t, caught[name], "%s not caught by %s; alerts on its events: %v", name, s.(gen.Attack).Rule(), fired[name])
	}
	require.LessOrEqual(t, len(falseSerious), 1, "medium+ alerts outside the attacks: %v", falseSerious)
}
