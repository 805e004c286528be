package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// RevokedTokenReplay is the "revoked_token_replay" attack: a user works
// every day from home with a token a thief has copied. At At the token is
// revoked: by the user in the web UI (half the time), or by the security
// team — an admin of their org or an automated responder. 3 minutes to 2
// hours later the thief, from a VPN or hosting provider outside the user's
// country, keeps presenting it: 4–9 requests, seconds to half an hour apart,
// refused. Unless Enforced, one of them after the first is still accepted:
// the revocation has not reached every replica of the platform's token
// cache (the scenario is a RevocationLag, so the generator keeps that
// success). Caught by revoked_credential_used: low for the refusals,
// critical for the accepted use.
type RevokedTokenReplay struct {
	At       time.Duration // when the token is revoked (default DefaultAttackAt)
	Enforced bool          // the revocation takes effect at once: every presentation is refused
}

// Name is "revoked_token_replay".
func (RevokedTokenReplay) Name() string { return "revoked_token_replay" }

// Description says what RevokedTokenReplay does.
func (RevokedTokenReplay) Description() string {
	return "attack: a revoked token is presented again from a hosting provider, and once still accepted"
}

// Rule is "revoked_credential_used".
func (RevokedTokenReplay) Rule() string { return "revoked_credential_used" }

// LagsRevocation is true unless Enforced: the accepted use stays accepted.
func (s RevokedTokenReplay) LagsRevocation() bool { return !s.Enforced }

// Plan plans the episode when the stream starts.
func (s RevokedTokenReplay) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's routine (and the revoking admin's), the
// revocation, then the thief's presentations.
func (s RevokedTokenReplay) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := w.PickOrg(rng)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), pick(rng, []string{"write", "fine_grained", "read"}))
	tok := u.Tokens[0]
	until := e.at.Add(-time.Hour)
	e.routine(u, tok, until, 2, 6)
	by, from := u, u.Home
	switch rng.IntN(4) {
	case 0:
		by, from = e.securityTeam(o, RevokerAdmin, until)
	case 1:
		by, from = e.securityTeam(o, RevokerService, until)
	}
	e.strike(revokeEvent(rng, e.at, by, &from, tok))

	n, ua := attackerNet(rng, u.Home.Country), pick(rng, attackerAgents)
	t := e.at.Add(jitterDur(3*time.Minute, 2*time.Hour, rng))
	uses := 4 + rng.IntN(6)
	accepted := 1 + rng.IntN(uses-1)
	for i := range uses {
		ev := use(rng, t, u, tok, &n, ua, w.PickRepo(u, rng))
		if s.Enforced || i != accepted {
			ev.Outcome = "denied"
		}
		e.strike(ev)
		t = t.Add(jitterDur(5*time.Second, 30*time.Minute, rng))
	}
	return e.done()
}
