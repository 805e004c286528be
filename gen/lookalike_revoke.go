package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// RevokeThenReplace is the "lookalike_revoke_replace" look-alike of
// revoked_by_other_repersist: at At the security team (Revoker) revokes a
// token of a user who works every day from home; 5–55 minutes later the
// user, at home in their own browser, creates a replacement token (and,
// when Webhook, a webhook, in either order), then uses the new token from
// home for days.
type RevokeThenReplace struct {
	At      time.Duration // when the token is revoked (default DefaultAttackAt)
	Revoker Revoker
	Webhook bool   // the user also creates a webhook
	Tag     string // tells look-alikes played in one stream apart
}

// Name is "lookalike_revoke_replace", with ":Tag" when tagged.
func (s RevokeThenReplace) Name() string { return tagged("lookalike_revoke_replace", s.Tag) }

// Description says what RevokeThenReplace does.
func (RevokeThenReplace) Description() string {
	return "benign: the security team revokes a user's token; the user creates a replacement from home"
}

// Resembles is "repersistence".
func (RevokeThenReplace) Resembles() string { return "repersistence" }

// Plan plans the episode when the stream starts.
func (s RevokeThenReplace) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planLookAlike(s, w, rng, start, end)
}

// Episode is the user's and the revoker's routines, the revocation, the
// replacement and its days of use.
func (s RevokeThenReplace) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o, u := homeUser(w, rng, pick(rng, []string{"write", "fine_grained", "read"}))
	u.Tokens = append(u.Tokens, newToken(w, rng, u, "fine_grained", nil))
	until := e.at.Add(jitterDur(3*24*time.Hour, 8*24*time.Hour, rng))
	e.routine(u, u.Tokens[0], until, 1, 4)
	e.routine(u, u.Tokens[1], e.at.Add(-time.Hour), 1, 4)
	by, from := e.securityTeam(o, s.Revoker, e.at.Add(-time.Hour))
	e.strike(revokeEvent(rng, e.at, by, &from, u.Tokens[1]))

	t := e.at.Add(jitterDur(5*time.Minute, 55*time.Minute, rng))
	tok := newToken(w, rng, u, u.Tokens[1].Kind, u.Tokens[1].Scopes)
	if s.Webhook && rng.IntN(2) == 0 {
		e.strike(hookEvent(rng, t, u, &u.Home, o.Name, "ci."+o.Name+".example.com"))
		t = t.Add(jitterDur(20*time.Second, 4*time.Minute, rng))
		s.Webhook = false
	}
	tok.CreatedAt = t.Truncate(time.Second)
	e.strike(tokenEvent(rng, t, u, &u.Home, "token.create", tok))
	t = t.Add(jitterDur(20*time.Second, 4*time.Minute, rng))
	if s.Webhook {
		e.strike(hookEvent(rng, t, u, &u.Home, o.Name, "ci."+o.Name+".example.com"))
	}
	e.strike(use(rng, t.Add(jitterDur(time.Minute, 20*time.Minute, rng)), u, tok, &u.Home, u.Agents[0], w.PickRepo(u, rng)))
	e.habit(u, tok, t.Add(time.Hour), until, 1, 4)
	return e.done()
}
