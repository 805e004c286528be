package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// SpaceTokenOffPlatform is the "space_token_off_platform" attack: a private
// Space calls the API with its bound token from the platform's own network,
// a few times a day, around the clock; then the token, read out of the
// Space, pulls the org's repos from a VPN or hosting provider. At is when
// (default DefaultAttackAt after the stream start).
type SpaceTokenOffPlatform struct{ At time.Duration }

// Name is "space_token_off_platform".
func (SpaceTokenOffPlatform) Name() string { return "space_token_off_platform" }

// Description says what SpaceTokenOffPlatform does.
func (SpaceTokenOffPlatform) Description() string {
	return "attack: a Space's bound token, used only on the platform for days, is used from a hosting provider"
}

// Rule is "workload_token_off_platform".
func (SpaceTokenOffPlatform) Rule() string { return "workload_token_off_platform" }

// Plan plans the episode when the stream starts.
func (s SpaceTokenOffPlatform) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the Space's own calls, then the token's use off the platform.
func (s SpaceTokenOffPlatform) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := w.PickOrg(rng)
	owner := newUser(w, rng, o, LocalNet(o.Country, rng), "write")
	sp := newSpace(w, rng, o, owner, 0, true)
	repos := append(append([]*Repo{}, o.Repos...), &sp.Repo)
	for _, t := range anyTimes(rng, w.Start, e.at.Add(-time.Hour), 3, 8) {
		e.history(event.Event{Time: t, Action: "token.use", Outcome: "success", Tenant: o.Name,
			Actor: sp.Actor("space"), Token: sp.Token.Event(), Resource: pick(rng, repos).Resource(),
			Source: sp.Runtime.Source(spaceAgent), Workload: sp.workload("runtime"), RequestID: HexID(rng, "req_")})
	}
	n, ua, t := attackerNet(rng, ""), pick(rng, attackerAgents), e.at
	for range 3 + rng.IntN(5) {
		e.strike(use(rng, t, owner, sp.Token, &n, ua, pick(rng, repos)))
		t = t.Add(jitterDur(2*time.Second, 2*time.Minute, rng))
	}
	return e.done()
}
