package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Persistence is what a thief creates to keep access after a revocation.
type Persistence int

// What the thief creates.
const (
	PersistBoth    Persistence = iota // a token and a webhook, in either order
	PersistToken                      // a token only
	PersistWebhook                    // a webhook only
)

// RevokedRepersist is the "revoked_by_other_repersist" attack variant: a
// user works every day from home; at At the security team — Revoker, an
// admin of their org or an automated responder — revokes one of the user's
// tokens; 5–55 minutes later a thief holding the user's web session creates
// what Persist says from a network of kind Net the user never used, and,
// when Use, tries the new token minutes later. Caught by repersistence: the
// sequence is the owner's, though someone else revoked.
type RevokedRepersist struct {
	At      time.Duration // when the token is revoked (default DefaultAttackAt)
	Revoker Revoker
	Persist Persistence
	Use     bool    // the new token is used after its creation (not with PersistWebhook)
	Net     NetKind // the thief's network
	Tag     string  // tells variants played in one stream apart
}

// Name is "revoked_by_other_repersist", with ":Tag" when tagged.
func (s RevokedRepersist) Name() string { return tagged("revoked_by_other_repersist", s.Tag) }

// Description says what RevokedRepersist does.
func (RevokedRepersist) Description() string {
	return "attack: the security team revokes a user's token; the user's stolen session creates a token or webhook from a new network"
}

// Rule is "repersistence".
func (RevokedRepersist) Rule() string { return "repersistence" }

// Plan plans the episode when the stream starts.
func (s RevokedRepersist) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's and the revoker's routines, the revocation, then
// the thief's token and webhook.
func (s RevokedRepersist) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := pick(rng, w.Orgs)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), pick(rng, []string{"write", "fine_grained", "read"}))
	u.Tokens = append(u.Tokens, newToken(w, rng, u, "fine_grained", nil))
	until := e.at.Add(-time.Hour)
	for _, tok := range u.Tokens {
		e.routine(u, tok, until, 1, 4)
	}
	by, from := e.securityTeam(o, s.Revoker, until)
	e.history(revokeEvent(rng, e.at, by, &from, u.Tokens[1]))

	n := otherNet(rng, s.Net, u.Home.Country, u.Home.ASN, u.Mobile.ASN)
	thief := *u
	thief.Browser = other([]string{u.Browser}, browsers, rng)
	t := e.at.Add(jitterDur(5*time.Minute, 55*time.Minute, rng))
	var evs []event.Event
	var tok *Token
	if s.Persist != PersistWebhook {
		tok = newToken(w, rng, u, pick(rng, []string{"write", "fine_grained"}), nil)
		evs = append(evs, tokenEvent(rng, t, &thief, &n, "token.create", tok))
	}
	if s.Persist != PersistToken {
		evs = append(evs, hookEvent(rng, t, &thief, &n, o.Name, HexID(rng, "")[:10]+".trycloudflare.com"))
	}
	if len(evs) == 2 && rng.IntN(2) == 0 {
		evs[0], evs[1] = evs[1], evs[0]
	}
	for i := range evs {
		evs[i].Time = t
		if evs[i].Action == "token.create" {
			tok.CreatedAt = t.Truncate(time.Second)
			evs[i].Token = tok.Event()
		}
		e.strike(evs[i])
		t = t.Add(jitterDur(20*time.Second, 4*time.Minute, rng))
	}
	if s.Use && tok != nil {
		e.burst(u, tok, &n, pick(rng, attackerAgents), t.Add(jitterDur(0, 5*time.Minute, rng)), 1+rng.IntN(3))
	}
	return e.done()
}
