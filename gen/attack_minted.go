package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// MintedThenUsed is the "minted_then_used" attack: a user who works from
// home creates a new token in the web UI (an infostealer on their machine,
// or a phished session), and 2–10 minutes later the new token is used from
// a VPN or hosting provider in another country the user never used. At is
// when the token is created (default DefaultAttackAt after the stream start).
type MintedThenUsed struct{ At time.Duration }

// Name is "minted_then_used".
func (MintedThenUsed) Name() string { return "minted_then_used" }

// Description says what MintedThenUsed does.
func (MintedThenUsed) Description() string {
	return "attack: a token created in a user's session is used minutes later from a hosting provider abroad"
}

// Rule is "minted_then_used_elsewhere".
func (MintedThenUsed) Rule() string { return "minted_then_used_elsewhere" }

// Plan plans the episode when the stream starts.
func (s MintedThenUsed) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the user's routine, the token.create, then the uses elsewhere.
func (s MintedThenUsed) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := w.PickOrg(rng)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), pick(rng, []string{"read", "write", "fine_grained"}))
	e.routine(u, u.Tokens[0], e.at.Add(-time.Hour), 2, 6)
	kind := pick(rng, []string{"write", "fine_grained"})
	tok := newToken(w, rng, u, kind, nil)
	tok.CreatedAt = e.at.Truncate(time.Second)
	create := ui(rng, e.at, u, &u.Home, "token.create", tok.Tenant, event.Resource{Type: "token", ID: tok.ID})
	create.Token = tok.Event()
	e.strike(create)
	n, ua := attackerNet(rng, u.Home.Country), pick(rng, attackerAgents)
	t := e.at.Add(jitterDur(2*time.Minute, 10*time.Minute, rng))
	for range 3 + rng.IntN(4) {
		e.strike(use(rng, t, u, tok, &n, ua, w.PickRepo(u, rng)))
		t = t.Add(jitterDur(5*time.Second, 2*time.Minute, rng))
	}
	return e.done()
}
