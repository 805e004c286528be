package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// offHours is how likely a user picked outside their working hours acts anyway.
const offHours = 0.08

// UseEvent is a token.use by u with tok from n (user agent ua) on r at t,
// successful, without an id (the generator gives it one).
func UseEvent(t time.Time, u *User, tok *Token, n *Net, ua string, r *Repo) event.Event {
	return event.Event{Time: t, Action: "token.use", Outcome: "success", Tenant: r.Org.Name,
		Actor: u.Actor(), Token: tok.Event(), Resource: r.Resource(), Source: n.Source(ua)}
}

// outcome is "failure" with probability fail, "denied" with probability deny,
// else "success".
func outcome(rng *rand.Rand, fail, deny float64) string {
	switch x := rng.Float64(); {
	case x < fail:
		return "failure"
	case x < fail+deny:
		return "denied"
	}
	return "success"
}

// pickWorking is a user drawn by activity, mostly one in their working hours
// at t; admin restricts it to admins of their first org.
func (g *Generator) pickWorking(t time.Time, admin bool) *User {
	var u *User
	for range 12 {
		u = g.w.PickUser(g.rng)
		if admin && !u.Admin {
			continue
		}
		if u.Working(t) || g.rng.Float64() < offHours {
			return u
		}
	}
	if admin && !u.Admin {
		return u.Orgs[0].Admins[0]
	}
	return u
}

// userUse: a user's API request (hub download, push, inference); 2% fail
// (expired token, typo), 0.7% are denied (missing scope).
func (g *Generator) userUse(ev *event.Event, t time.Time) {
	u := g.pickWorking(t, false)
	*ev = UseEvent(t, u, u.TokenAt(t, g.rng), u.NetAt(t, g.rng), u.AgentAt(t, g.rng), g.w.PickRepo(u, g.rng))
	ev.Outcome = outcome(g.rng, 0.02, 0.007)
	ev.RequestID = HexID(g.rng, "req_")
}

// serviceUse: a CI or service account's request from its cloud region.
func (g *Generator) serviceUse(ev *event.Event, t time.Time) {
	s := g.w.PickService(g.rng)
	if s == nil {
		g.userUse(ev, t)
		return
	}
	*ev = UseEvent(t, s, pick(g.rng, s.Tokens), &s.Home, s.Agents[0], g.w.PickRepo(s, g.rng))
	ev.Outcome = outcome(g.rng, 0.005, 0.001)
	ev.RequestID = HexID(g.rng, "req_")
}

// spaceUse: a running Space calls the API with its bound token, from the
// platform's own network: loads a model of its org or a popular public one.
func (g *Generator) spaceUse(ev *event.Event, t time.Time) {
	if len(g.w.tokenSpaces) == 0 {
		g.userUse(ev, t)
		return
	}
	s := pick(g.rng, g.w.tokenSpaces)
	r := pick(g.rng, s.Org.Repos)
	if o := g.w.PickOrg(g.rng); g.rng.Float64() < 0.3 && len(o.Public) > 0 {
		r = pick(g.rng, o.Public)
	}
	*ev = event.Event{Time: t, Action: "token.use", Outcome: outcome(g.rng, 0.002, 0), Tenant: r.Org.Name,
		Actor: s.Actor("space"), Token: s.Token.Event(), Resource: r.Resource(),
		Source: s.Runtime.Source(spaceAgent), Workload: s.workload("runtime"), RequestID: HexID(g.rng, "req_")}
}

// workload is s's current build in phase.
func (s *Space) workload(phase string) event.Workload {
	return event.Workload{ID: s.Workload, BuildID: s.Build, Phase: phase}
}
