package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// FreshTokenFirstUse is the "lookalike_first_use" look-alike of
// never_used_token: a user who works every day with their tokens from home
// creates a new token in the web UI from home Age before At, uses it for
// the first time at At from home with their own client, and then every day.
type FreshTokenFirstUse struct {
	At  time.Duration // when the token is first used (default DefaultAttackAt)
	Age time.Duration // how long before At it was created (default a minute to 3 days)
	Tag string        // tells look-alikes played in one stream apart
}

// Name is "lookalike_first_use", with ":Tag" when tagged.
func (s FreshTokenFirstUse) Name() string { return tagged("lookalike_first_use", s.Tag) }

// Description says what FreshTokenFirstUse does.
func (FreshTokenFirstUse) Description() string {
	return "benign: a user creates a token and first uses it from home, like a never-used token's first use"
}

// Resembles is "first_seen_asn".
func (FreshTokenFirstUse) Resembles() string { return "first_seen_asn" }

// Plan plans the episode when the stream starts.
func (s FreshTokenFirstUse) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planLookAlike(s, w, rng, start, end)
}

// Episode is the user's routine, the token's creation, its first use and
// the days of use after.
func (s FreshTokenFirstUse) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	_, u := homeUser(w, rng, pick(rng, []string{"write", "fine_grained", "read"}))
	until := e.at.Add(jitterDur(3*24*time.Hour, 8*24*time.Hour, rng))
	for _, tok := range u.Tokens {
		e.routine(u, tok, until, 1, 4)
	}
	age := s.Age
	if age <= 0 {
		age = jitterDur(time.Minute, 3*24*time.Hour, rng)
	}
	fresh := newToken(w, rng, u, pick(rng, []string{"fine_grained", "write", "read"}), nil)
	created := e.at.Add(-age)
	fresh.CreatedAt = created.Truncate(time.Second)
	if !created.Before(w.Start) {
		e.history(tokenEvent(rng, created, u, &u.Home, "token.create", fresh))
	}
	e.strike(use(rng, e.at, u, fresh, &u.Home, u.Agents[0], w.PickRepo(u, rng)))
	e.habit(u, fresh, e.at.Add(time.Minute), until, 1, 5)
	return e.done()
}
