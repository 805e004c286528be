package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// CrossTenantPrivate is the "cross_tenant_private" attack: the API token of
// a user of tenant A, used from home for days, is replayed from a VPN or
// hosting provider against 4–7 private models, datasets and Spaces of tenant
// B, which the user does not belong to: most downloads succeed. At is when
// (default DefaultAttackAt after the stream start).
type CrossTenantPrivate struct{ At time.Duration }

// Name is "cross_tenant_private".
func (CrossTenantPrivate) Name() string { return "cross_tenant_private" }

// Description says what CrossTenantPrivate does.
func (CrossTenantPrivate) Description() string {
	return "attack: a token of one tenant reads another tenant's private repos from a hosting provider"
}

// Rule is "cross_tenant_private".
func (CrossTenantPrivate) Rule() string { return "cross_tenant_private" }

// Plan plans the episode when the stream starts.
func (s CrossTenantPrivate) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the victim's routine, then the replay against tenant B.
func (s CrossTenantPrivate) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	a := w.PickOrg(rng)
	u := newUser(w, rng, a, LocalNet(a.Country, rng), pick(rng, []string{"write", "read"}))
	tok := u.Tokens[0]
	e.routine(u, tok, e.at.Add(-time.Hour), 2, 6)
	b := orgWhere(w, rng, func(o *Org) bool { return o != a && len(privateRepos(o)) >= 3 })
	if b == nil {
		b = newOrg(w, rng)
	}
	targets := privateRepos(b)
	rng.Shuffle(len(targets), func(i, j int) { targets[i], targets[j] = targets[j], targets[i] })
	n, ua, t := attackerNet(rng, ""), pick(rng, attackerAgents), e.at
	for i, r := range targets[:min(len(targets), 4+rng.IntN(4))] {
		ev := use(rng, t, u, tok, &n, ua, r)
		if i > 1 && rng.Float64() < 0.3 {
			ev.Outcome = "denied"
		}
		e.strike(ev)
		t = t.Add(jitterDur(5*time.Second, 90*time.Second, rng))
	}
	return e.done()
}
