package gen

import (
	"cmp"
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// DormantAge is the idle time from which a token's first use is a dormant
// token's (rule dormant_token_use), idleness counted from its creation.
const DormantAge = 90 * 24 * time.Hour

// NeverUsedToken is the "never_used_token" attack variant: a user works
// every day with their other tokens from home; one more token of theirs,
// created Age before At (a token.create from home when that falls in the
// stream), was never used — until a thief who found it uses it at At, Uses
// times in a burst, from a network of kind Net the owner never used, and
// again Later after At when Later is set. Caught by first_seen_asn, or by
// dormant_token_use when Age is DormantAge or more.
type NeverUsedToken struct {
	At    time.Duration // when the thief first uses the token (default DefaultAttackAt)
	Age   time.Duration // how long the token lay unused before At (default 40 days)
	Net   NetKind       // the thief's network
	Uses  int           // uses in the first burst (default 1–3)
	Later time.Duration // when set, a second burst this long after At
	Tag   string        // tells variants played in one stream apart
}

// Name is "never_used_token", with ":Tag" when tagged.
func (s NeverUsedToken) Name() string { return tagged("never_used_token", s.Tag) }

// Description says what NeverUsedToken does.
func (NeverUsedToken) Description() string {
	return "attack: a token its owner never used is used for the first time, from a network the owner never used"
}

// Rule is "first_seen_asn", or "dormant_token_use" for a token DormantAge or older.
func (s NeverUsedToken) Rule() string {
	if s.age() >= DormantAge {
		return "dormant_token_use"
	}
	return "first_seen_asn"
}

func (s NeverUsedToken) age() time.Duration { return cmp.Or(s.Age, 40*24*time.Hour) }

// Plan plans the episode when the stream starts.
func (s NeverUsedToken) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's routine with their other tokens, the creation of
// the idle one, then the thief's uses.
func (s NeverUsedToken) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := pick(rng, w.Orgs)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), pick(rng, []string{"write", "fine_grained", "read"}))
	if rng.Float64() < 0.5 {
		u.Tokens = append(u.Tokens, newToken(w, rng, u, "fine_grained", nil))
	}
	for _, tok := range u.Tokens {
		e.routine(u, tok, e.at.Add(-time.Hour), 1, 4)
	}
	idle := newToken(w, rng, u, pick(rng, []string{"fine_grained", "write", "read"}), nil)
	created := e.at.Add(-s.age()).Add(-jitterDur(0, 6*time.Hour, rng))
	idle.CreatedAt = created.Truncate(time.Second)
	if !created.Before(w.Start) {
		e.history(tokenEvent(rng, created, u, &u.Home, "token.create", idle))
	}
	n := otherNet(rng, s.Net, u.Home.Country, u.Home.ASN, u.Mobile.ASN)
	ua := pick(rng, attackerAgents)
	e.burst(u, idle, &n, ua, e.at, cmp.Or(s.Uses, 1+rng.IntN(3)))
	if s.Later > 0 {
		e.burst(u, idle, &n, ua, e.at.Add(s.Later), 1+rng.IntN(4))
	}
	return e.done()
}

// burst is n attack uses of tok by u's thief from net with client ua, from at
// on, seconds to minutes apart.
func (e *episode) burst(u *User, tok *Token, net *Net, ua string, at time.Time, n int) {
	for range n {
		e.strike(use(e.rng, at, u, tok, net, ua, e.w.PickRepo(u, e.rng)))
		at = at.Add(jitterDur(5*time.Second, 3*time.Minute, e.rng))
	}
}
