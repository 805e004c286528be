package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// LookAlike is a benign scenario built to resemble an attack variant: like
// an Attack it plays one Episode per stream, planned when the stream
// starts, with actors and tokens of its own; but all of it is honest, so no
// rule should alert on it at medium severity or above. Its Episode's
// AttackIDs are the events that resemble the attack's.
type LookAlike interface {
	Scenario
	// Resembles is the id of the rule whose attack the look-alike resembles.
	Resembles() string
	// Episode plans the episode in world w from w.Start on, drawing from rng.
	Episode(w *World, rng *rand.Rand) Episode
}

// LookAlikes are the benign look-alikes of the Variants, one of each with
// its default parameters, at at after the stream start (0:
// DefaultAttackAt): a fresh token's first use from home, a token revoked by
// the security team and replaced by its owner from home, a token widened
// from home and used from there. Each is mixed in only when named.
func LookAlikes(at time.Duration) []Scenario {
	return []Scenario{FreshTokenFirstUse{At: at}, RevokeThenReplace{At: at}, WidenAtHome{At: at}}
}

// LookAlikeEpisodeOf is the episode the look-alike called name (looked up
// in cfg.Registry) plays in the stream of cfg, as EpisodeOf is an attack's.
func LookAlikeEpisodeOf(cfg Config, name string) (Episode, error) {
	return episodeOf[LookAlike](cfg, name, "a look-alike")
}

// planLookAlike is a look-alike's Plan: the whole episode in the window
// where the stream starts, as planOnce is an attack's.
func planLookAlike(l LookAlike, w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	if w.Start.Before(start) || !w.Start.Before(end) {
		return nil
	}
	return l.Episode(w, rng).Events
}

// habit is u's ordinary use of tok from from until until: lo–hi requests a
// day in their working hours, from home (or their phone), with their clients.
func (e *episode) habit(u *User, tok *Token, from, until time.Time, lo, hi int) {
	for _, t := range workingTimes(e.rng, u, from, until, lo, hi) {
		e.history(use(e.rng, t, u, tok, u.NetAt(t, e.rng), u.AgentAt(t, e.rng), e.w.PickRepo(u, e.rng)))
	}
}

// homeUser is a new user of an org of w at home in the org's country, half
// of them with a phone they sometimes work from, holding a token of kind.
func homeUser(w *World, rng *rand.Rand, kind string) (*Org, *User) {
	o := pick(rng, w.Orgs)
	c := countryOf(o.Country, rng)
	site := pick(rng, c.cities)
	u := newUser(w, rng, o, ispNet(pickISP(c, false, rng), site, rng), kind)
	if m := pickISP(c, true, rng); m != nil && rng.Float64() < 0.5 {
		u.Mobile = ispNet(m, site, rng)
	}
	return o, u
}
