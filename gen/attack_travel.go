package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/geo"
)

// ImpossibleTravel is the "impossible_travel" attack: a token used for days
// from its owner's home is used there once more, then 15–25 minutes later
// from another continent: a new country and ISP, thousands of kilometres
// away. At is when the far use happens (default DefaultAttackAt after the
// stream start).
type ImpossibleTravel struct{ At time.Duration }

// Name is "impossible_travel".
func (ImpossibleTravel) Name() string { return "impossible_travel" }

// Description says what ImpossibleTravel does.
func (ImpossibleTravel) Description() string {
	return "attack: a token is used at home, then minutes later from another continent"
}

// Rule is "impossible_travel".
func (ImpossibleTravel) Rule() string { return "impossible_travel" }

// Plan plans the episode when the stream starts.
func (s ImpossibleTravel) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's routine ending with a use at home, then the far uses.
func (s ImpossibleTravel) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := w.PickOrg(rng)
	home := LocalNet(o.Country, rng)
	u := newUser(w, rng, o, home, pick(rng, []string{"fine_grained", "write", "oauth"}))
	tok := u.Tokens[0]
	last := e.at.Add(-jitterDur(15*time.Minute, 25*time.Minute, rng))
	e.routine(u, tok, last.Add(-time.Hour), 2, 6)
	e.history(use(rng, last, u, tok, &u.Home, u.Agents[0], w.PickRepo(u, rng)))
	far, t := farNet(rng, home, 5000), e.at
	for range 2 + rng.IntN(3) {
		e.strike(use(rng, t, u, tok, &far, pick(rng, attackerAgents), w.PickRepo(u, rng)))
		t = t.Add(jitterDur(20*time.Second, 3*time.Minute, rng))
	}
	return e.done()
}

// farNet is a residential connection in a city more than km kilometres from
// n, in another country (the farthest city when none is that far).
func farNet(rng *rand.Rand, n Net, km float64) Net {
	var far []place
	best, bestKM := place{}, -1.0
	for _, c := range countries {
		for _, p := range c.cities {
			if c.code == n.Country {
				continue
			}
			d := geo.DistanceKM(n.Lat, n.Lon, p.lat, p.lon)
			if d > km {
				far = append(far, p)
			}
			if d > bestKM {
				best, bestKM = p, d
			}
		}
	}
	if len(far) > 0 {
		best = pick(rng, far)
	}
	return ispNet(pickISP(countryOf(best.country, rng), false, rng), best, rng)
}
