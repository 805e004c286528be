package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Repersistence is the "repersistence" attack: an org admin who works from
// home revokes a token they suspect; within the hour an attacker holding
// the admin's web session creates a new token and a webhook from a VPN or
// hosting provider the admin never used, and tries the new token. At is when
// the token is revoked (default DefaultAttackAt after the stream start).
type Repersistence struct{ At time.Duration }

// Name is "repersistence".
func (Repersistence) Name() string { return "repersistence" }

// Description says what Repersistence does.
func (Repersistence) Description() string {
	return "attack: after a token is revoked, the same session creates a token and a webhook from a hosting provider"
}

// Rule is "repersistence".
func (Repersistence) Rule() string { return "repersistence" }

// Plan plans the episode when the stream starts.
func (s Repersistence) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the admin's routine on the API and in the web UI, the
// revocation, then the attacker's new token and webhook.
func (s Repersistence) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := w.PickOrg(rng)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), "write")
	u.Admin = true
	u.Tokens = append(u.Tokens, newToken(w, rng, u, "fine_grained", nil))
	until := e.at.Add(-time.Hour)
	e.routine(u, u.Tokens[0], until, 1, 4)
	e.routine(u, u.Tokens[1], until, 1, 3)
	for _, t := range workingTimes(rng, u, w.Start, until, 0, 1) {
		sp := pick(rng, o.Spaces)
		ev := ui(rng, t, u, &u.Home, "secret.list", o.Name, sp.Repo.Resource())
		ev.Secret = event.Secret{Tenant: o.Name, Workload: sp.Workload}
		e.history(ev)
	}
	revoke := ui(rng, e.at, u, &u.Home, "token.revoke", o.Name, event.Resource{Type: "token", ID: u.Tokens[1].ID})
	revoke.Token = u.Tokens[1].Event()
	e.strike(revoke)

	n, t := attackerNet(rng, u.Home.Country), e.at.Add(jitterDur(10*time.Minute, 45*time.Minute, rng))
	thief := *u
	thief.Browser = other([]string{u.Browser}, browsers, rng)
	tok := newToken(w, rng, u, "write", nil)
	tok.CreatedAt = t.Truncate(time.Second)
	create := ui(rng, t, &thief, &n, "token.create", o.Name, event.Resource{Type: "token", ID: tok.ID})
	create.Token = tok.Event()
	t = t.Add(jitterDur(30*time.Second, 4*time.Minute, rng))
	hook := ui(rng, t, &thief, &n, "webhook.create", o.Name, event.Resource{Type: "webhook", ID: HexID(rng, "wh_")})
	hook.Attrs = map[string]string{"url": "https://" + HexID(rng, "")[:10] + ".trycloudflare.com/hook"}
	t = t.Add(jitterDur(30*time.Second, 5*time.Minute, rng))
	e.strike(create, hook, use(rng, t, u, tok, &n, pick(rng, attackerAgents), w.PickRepo(u, rng)))
	return e.done()
}
