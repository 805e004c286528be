package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// DefaultDormantIdle is how long a dormant token sleeps by default.
const DefaultDormantIdle = 96 * 24 * time.Hour

// DormantToken is the "dormant_token" attack: a token used from home every
// day for a while is then silent for Idle (default DefaultDormantIdle), and
// wakes up at At (default DefaultAttackAt + Idle after the stream start)
// with a few successful uses from a VPN or hosting provider: a copy found in
// an old notebook or backup. It is used from the stream start until At − Idle,
// so At should be at least Idle + 8 days.
type DormantToken struct{ At, Idle time.Duration }

// Name is "dormant_token".
func (DormantToken) Name() string { return "dormant_token" }

// Description says what DormantToken does.
func (DormantToken) Description() string {
	return "attack: a token silent for over 95 days is used again (by default 106 days in)"
}

// Rule is "dormant_token_use".
func (DormantToken) Rule() string { return "dormant_token_use" }

// Plan plans the episode when the stream starts.
func (s DormantToken) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's routine, the silence, then the uses.
func (s DormantToken) Episode(w *World, rng *rand.Rand) Episode {
	idle := s.Idle
	if idle <= 0 {
		idle = DefaultDormantIdle
	}
	at := s.At
	if at <= 0 {
		at = DefaultAttackAt + idle
	}
	e := newEpisode(w, rng, at)
	o := w.PickOrg(rng)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), pick(rng, []string{"read", "write", "fine_grained"}))
	tok := u.Tokens[0]
	e.routine(u, tok, e.at.Add(-idle), 2, 6)
	n, ua, t := attackerNet(rng, ""), pick(rng, attackerAgents), e.at
	for range 2 + rng.IntN(3) {
		e.strike(use(rng, t, u, tok, &n, ua, w.PickRepo(u, rng)))
		t = t.Add(jitterDur(10*time.Second, 4*time.Minute, rng))
	}
	return e.done()
}
