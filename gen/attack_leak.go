package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// LeakedTokenUsed is the "leaked_token_used" attack: a token in daily use is
// pushed to a public GitHub repository; secret scanning reports the leak
// (token.leak_reported), and 20 minutes to 3 hours later someone who scraped
// it uses it from a VPN or hosting provider. At is when the leak is reported
// (default DefaultAttackAt after the stream start).
type LeakedTokenUsed struct{ At time.Duration }

// Name is "leaked_token_used".
func (LeakedTokenUsed) Name() string { return "leaked_token_used" }

// Description says what LeakedTokenUsed does.
func (LeakedTokenUsed) Description() string {
	return "attack: a token reported leaked on GitHub is used from a hosting provider hours later"
}

// Rule is "leaked_token_used".
func (LeakedTokenUsed) Rule() string { return "leaked_token_used" }

// Plan plans the episode when the stream starts.
func (s LeakedTokenUsed) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's routine, the leak report, then the uses.
func (s LeakedTokenUsed) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := w.PickOrg(rng)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), pick(rng, []string{"write", "fine_grained"}))
	tok := u.Tokens[0]
	e.routine(u, tok, e.at.Add(-time.Hour), 2, 6)
	scanner := PlatformNet(rng)
	e.strike(event.Event{Time: e.at, Action: "token.leak_reported", Outcome: "success", Tenant: tok.Tenant,
		Actor: event.Actor{ID: "secret-scanning", Type: "service"}, Token: tok.Event(),
		Resource: event.Resource{Type: "token", ID: tok.ID}, Source: scanner.Source("secret-scanner/2.3.1"),
		RequestID: HexID(rng, "req_"), Attrs: map[string]string{"source": "github",
			"url": "https://github.com/" + u.ID + "-dev/" + pick(rng, spaceNames) + "/blob/" + HexID(rng, "")[:7] + "/" +
				pick(rng, []string{".env", "config.py", "notebooks/train.ipynb", "app.py"})}})
	n, ua := attackerNet(rng, ""), pick(rng, attackerAgents)
	t := e.at.Add(jitterDur(20*time.Minute, 3*time.Hour, rng))
	for range 3 + rng.IntN(4) {
		e.strike(use(rng, t, u, tok, &n, ua, w.PickRepo(u, rng)))
		t = t.Add(jitterDur(5*time.Second, 2*time.Minute, rng))
	}
	return e.done()
}
