package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// FirstSeenASN is the "first_seen_asn" attack: a token used for days from
// its owner's home ISP (and sometimes their phone) is used, from the same
// city, through another residential ISP it never used — a residential proxy
// in the victim's country, so no travel shows. At is when (default
// DefaultAttackAt after the stream start).
type FirstSeenASN struct{ At time.Duration }

// Name is "first_seen_asn".
func (FirstSeenASN) Name() string { return "first_seen_asn" }

// Description says what FirstSeenASN does.
func (FirstSeenASN) Description() string {
	return "attack: an established token is used from a residential ISP it never used, in its home country"
}

// Rule is "first_seen_asn".
func (FirstSeenASN) Rule() string { return "first_seen_asn" }

// Plan plans the episode when the stream starts.
func (s FirstSeenASN) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's routine, then the uses through the proxy.
func (s FirstSeenASN) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	c := pick(rng, wiredCountries())
	site := pick(rng, c.cities)
	wired := c.wired()
	i := rng.IntN(len(wired))
	o := orgWhere(w, rng, func(o *Org) bool { return o.Country == c.code })
	if o == nil {
		o = w.PickOrg(rng)
	}
	u := newUser(w, rng, o, ispNet(wired[i], site, rng), pick(rng, []string{"fine_grained", "write", "read"}))
	if m := pickISP(c, true, rng); m != nil && rng.Float64() < 0.5 {
		u.Mobile = ispNet(m, site, rng)
	}
	tok := u.Tokens[0]
	e.routine(u, tok, e.at.Add(-3*time.Hour), 2, 6)
	proxy, t := ispNet(wired[(i+1+rng.IntN(len(wired)-1))%len(wired)], site, rng), e.at
	for range 3 + rng.IntN(4) {
		e.strike(use(rng, t, u, tok, &proxy, pick(rng, attackerAgents), w.PickRepo(u, rng)))
		t = t.Add(jitterDur(10*time.Second, 5*time.Minute, rng))
	}
	return e.done()
}

// wired are c's fixed-line (not mobile) ISPs.
func (c *country) wired() []*isp {
	var out []*isp
	for i := range c.isps {
		if !c.isps[i].mobile {
			out = append(out, &c.isps[i])
		}
	}
	return out
}

// wiredCountries are the countries with at least two fixed-line ISPs.
func wiredCountries() []*country {
	var out []*country
	for i := range countries {
		if len(countries[i].wired()) >= 2 {
			out = append(out, &countries[i])
		}
	}
	return out
}
