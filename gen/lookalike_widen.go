package gen

import (
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// WidenAtHome is the "lookalike_widen_home" look-alike of scope_widening: a
// user who reads repos every day from home with a read-only fine-grained
// token widens it at At with write, admin, webhook or manage scopes in their
// own browser at home, and uses it from home Wait later and every day after.
type WidenAtHome struct {
	At   time.Duration // when the scopes are widened (default DefaultAttackAt)
	Wait time.Duration // until the first use after (default 3–40 minutes)
	Tag  string        // tells look-alikes played in one stream apart
}

// Name is "lookalike_widen_home", with ":Tag" when tagged.
func (s WidenAtHome) Name() string { return tagged("lookalike_widen_home", s.Tag) }

// Description says what WidenAtHome does.
func (WidenAtHome) Description() string {
	return "benign: a user widens a read-only token's scopes from home and uses it from there"
}

// Resembles is "scope_escalation".
func (WidenAtHome) Resembles() string { return "scope_escalation" }

// Plan plans the episode when the stream starts.
func (s WidenAtHome) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planLookAlike(s, w, rng, start, end)
}

// Episode is the user's routine, the widening and the uses after.
func (s WidenAtHome) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	_, u := homeUser(w, rng, "fine_grained")
	narrow := u.Tokens[0]
	narrow.Scopes = []string{"repo.content.read"}
	until := e.at.Add(jitterDur(3*24*time.Hour, 8*24*time.Hour, rng))
	e.routine(u, narrow, e.at.Add(-time.Hour), 1, 5)
	added := pick(rng, widenings)
	wide := *narrow
	wide.Scopes = append(slices.Clone(narrow.Scopes), added...)
	update := tokenEvent(rng, e.at, u, &u.Home, "token.update_scopes", &wide)
	update.Attrs = map[string]string{"scopes_added": strings.Join(added, ",")}
	e.strike(update)
	wait := s.Wait
	if wait <= 0 {
		wait = jitterDur(3*time.Minute, 40*time.Minute, rng)
	}
	e.strike(use(rng, e.at.Add(wait), u, &wide, &u.Home, u.Agents[0], w.PickRepo(u, rng)))
	e.habit(u, &wide, e.at.Add(wait+time.Hour), until, 1, 5)
	return e.done()
}
