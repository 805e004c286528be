package gen

import (
	"cmp"
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// OrgLegacyFirstSeen is the "org_legacy_first_seen" attack variant: an
// org's legacy org-wide token (kind org_legacy: read, write and admin over
// the whole org), created one to four years ago by an admin who works from
// home every day with their own tokens and never used it since, is used at
// At, Uses times, on the org's repos from a hosting provider no member of
// the org ever used. Caught by org_legacy_token_use.
type OrgLegacyFirstSeen struct {
	At   time.Duration // when the token is first used (default DefaultAttackAt)
	Uses int           // how many uses, minutes apart (default 1–4)
	Tag  string        // tells variants played in one stream apart
}

// Name is "org_legacy_first_seen", with ":Tag" when tagged.
func (s OrgLegacyFirstSeen) Name() string { return tagged("org_legacy_first_seen", s.Tag) }

// Description says what OrgLegacyFirstSeen does.
func (OrgLegacyFirstSeen) Description() string {
	return "attack: an org's legacy token, never seen before, is used from a hosting provider no member ever used"
}

// Rule is "org_legacy_token_use".
func (OrgLegacyFirstSeen) Rule() string { return "org_legacy_token_use" }

// Plan plans the episode when the stream starts.
func (s OrgLegacyFirstSeen) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the admin's routine, then the legacy token's uses.
func (s OrgLegacyFirstSeen) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := pick(rng, w.Orgs)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), pick(rng, []string{"write", "fine_grained"}))
	u.Admin = true
	for _, tok := range u.Tokens {
		e.routine(u, tok, e.at.Add(-time.Hour), 1, 4)
	}
	legacy := newToken(w, rng, u, "org_legacy", nil)
	legacy.CreatedAt = w.Start.Add(-jitterDur(400*24*time.Hour, 1400*24*time.Hour, rng)).Truncate(time.Second)
	n, ua, t := HostingNet(rng), pick(rng, attackerAgents), e.at
	for range cmp.Or(s.Uses, 1+rng.IntN(4)) {
		e.strike(use(rng, t, u, legacy, &n, ua, orgRepo(rng, o)))
		t = t.Add(jitterDur(10*time.Second, 6*time.Minute, rng))
	}
	return e.done()
}
