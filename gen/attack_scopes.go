package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// escalated are the scopes an attacker grants a read-only fine-grained token.
var escalated = []string{"repo.content.read", "repo.write", "user.webhooks.write", "org.admin"}

// ScopeEscalation is the "scope_escalation" attack: a fine-grained token
// that only ever read repos (scope repo.content.read) from its owner's home
// gets write, webhook and org-admin scopes in the owner's web session (a
// hijacked browser); 5–18 minutes later it is used with them from a VPN or
// hosting provider it never used, and so is the owner's legacy org token,
// from the same address. At is when the scopes change (default
// DefaultAttackAt after the stream start).
type ScopeEscalation struct{ At time.Duration }

// Name is "scope_escalation".
func (ScopeEscalation) Name() string { return "scope_escalation" }

// Description says what ScopeEscalation does.
func (ScopeEscalation) Description() string {
	return "attack: a read-only token gets admin scopes and is used minutes later from a hosting provider"
}

// Rule is "scope_escalation".
func (ScopeEscalation) Rule() string { return "scope_escalation" }

// Plan plans the episode when the stream starts.
func (s ScopeEscalation) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the owner's routine with both tokens, the scope change, then
// the uses from the attacker's server.
func (s ScopeEscalation) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := w.PickOrg(rng)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), "fine_grained")
	narrow := u.Tokens[0]
	narrow.Scopes = []string{"repo.content.read"}
	legacy := newToken(w, rng, u, "org_legacy", nil)
	legacy.CreatedAt = legacy.CreatedAt.Add(-400 * 24 * time.Hour)
	e.routine(u, narrow, e.at.Add(-time.Hour), 2, 6)
	e.routine(u, legacy, e.at.Add(-time.Hour), 1, 2)
	wide := *narrow
	wide.Scopes = escalated
	update := ui(rng, e.at, u, &u.Home, "token.update_scopes", wide.Tenant, event.Resource{Type: "token", ID: wide.ID})
	update.Token = wide.Event()
	update.Attrs = map[string]string{"scopes_added": "repo.write,user.webhooks.write,org.admin"}
	e.strike(update)
	n, ua := attackerNet(rng, ""), pick(rng, attackerAgents)
	t := e.at.Add(jitterDur(5*time.Minute, 18*time.Minute, rng))
	for range 3 + rng.IntN(3) {
		e.strike(use(rng, t, u, &wide, &n, ua, w.PickRepo(u, rng)))
		t = t.Add(jitterDur(5*time.Second, time.Minute, rng))
	}
	for range 1 + rng.IntN(2) {
		e.strike(use(rng, t, u, legacy, &n, ua, w.PickRepo(u, rng)))
		t = t.Add(jitterDur(5*time.Second, time.Minute, rng))
	}
	return e.done()
}
