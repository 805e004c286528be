package gen

import (
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// widenings are the privileged scopes a thief adds to a read-only token.
var widenings = [][]string{
	{"repo.write"},
	{"repo.write", "user.webhooks.write"},
	{"org.admin"},
	{"repo.write", "org.admin", "user.webhooks.write"},
	{"inference.endpoints.manage", "repo.write"},
}

// LaterUse is whether, and from where, a widened token is used after the widening.
type LaterUse int

// Where the widened token is used from.
const (
	NoLaterUse    LaterUse = iota // not at all
	LaterSameNet                  // from the network the widening came from
	LaterOtherNet                 // from yet another network the owner never used
)

// ScopeWidening is the "scope_widening" attack variant: a fine-grained token
// that only reads repos (repo.content.read), used from its owner's home
// every day, is widened at At with write, admin, webhook or manage scopes
// by a request in the owner's web session from a network of kind Net the
// owner never used; After says whether, and from where, it is used within
// the hour. Caught by scope_escalation on the widening itself.
type ScopeWidening struct {
	At    time.Duration // when the scopes are widened (default DefaultAttackAt)
	Net   NetKind       // where the widening request comes from
	After LaterUse
	Tag   string // tells variants played in one stream apart
}

// Name is "scope_widening", with ":Tag" when tagged.
func (s ScopeWidening) Name() string { return tagged("scope_widening", s.Tag) }

// Description says what ScopeWidening does.
func (ScopeWidening) Description() string {
	return "attack: a read-only token is widened to write or admin scopes from a network its owner never used"
}

// Rule is "scope_escalation".
func (ScopeWidening) Rule() string { return "scope_escalation" }

// Plan plans the episode when the stream starts.
func (s ScopeWidening) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's routine, the widening, then the uses After says.
func (s ScopeWidening) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := pick(rng, w.Orgs)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), "fine_grained")
	narrow := u.Tokens[0]
	narrow.Scopes = []string{"repo.content.read"}
	if rng.Float64() < 0.5 {
		u.Tokens = append(u.Tokens, newToken(w, rng, u, "write", nil))
	}
	for _, tok := range u.Tokens {
		e.routine(u, tok, e.at.Add(-time.Hour), 1, 5)
	}
	added := pick(rng, widenings)
	wide := *narrow
	wide.Scopes = append(slices.Clone(narrow.Scopes), added...)
	n := otherNet(rng, s.Net, u.Home.Country, u.Home.ASN, u.Mobile.ASN)
	thief := *u
	thief.Browser = other([]string{u.Browser}, browsers, rng)
	update := tokenEvent(rng, e.at, &thief, &n, "token.update_scopes", &wide)
	update.Attrs = map[string]string{"scopes_added": strings.Join(added, ",")}
	e.strike(update)
	if s.After == NoLaterUse {
		return e.done()
	}
	if s.After == LaterOtherNet {
		n = otherNet(rng, NetAny, u.Home.Country, u.Home.ASN, u.Mobile.ASN, n.ASN)
	}
	t := e.at.Add(jitterDur(3*time.Minute, 40*time.Minute, rng))
	e.burst(u, &wide, &n, pick(rng, attackerAgents), t, 2+rng.IntN(4))
	return e.done()
}
