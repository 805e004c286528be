package gen

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// spaceBuild: a push rebuilds a Space. The build reads the Space's secrets
// within seconds; unless it fails (4%), the new runtime reads them again
// 30 s – 10 min later.
func (g *Generator) spaceBuild(ev *event.Event, t time.Time) {
	s := pick(g.rng, g.w.Spaces)
	s.Build = HexID(g.rng, "bld_")
	host := &g.w.builders[g.rng.IntN(len(g.w.builders))]
	*ev = event.Event{Time: t, Action: "space.build", Outcome: outcome(g.rng, 0.04, 0), Tenant: s.Org.Name,
		Actor: s.Actor("build"), Resource: s.Repo.Resource(), Source: host.Source(builderAgent),
		Workload: s.workload("build")}
	at := t
	for _, sec := range s.Secrets {
		at = at.Add(jitterDur(100*time.Millisecond, 3*time.Second, g.rng))
		g.q.push(g.secretRead(s, sec, at, "build", host))
	}
	if ev.Outcome == "success" {
		g.runtimeReads(s, s.Secrets, at.Add(jitterDur(30*time.Second, 10*time.Minute, g.rng)))
	}
}

// spaceRestart: a Space wakes from sleep or restarts, and reads its secrets.
func (g *Generator) spaceRestart(ev *event.Event, t time.Time) {
	s := pick(g.rng, g.w.Spaces)
	*ev = g.secretRead(s, s.Secrets[0], t, "runtime", &s.Runtime)
	g.runtimeReads(s, s.Secrets[1:], t.Add(jitterDur(20*time.Millisecond, 300*time.Millisecond, g.rng)))
}

// runtimeReads queues s's runtime reading each of secrets from at on.
func (g *Generator) runtimeReads(s *Space, secrets []*Secret, at time.Time) {
	for _, sec := range secrets {
		g.q.push(g.secretRead(s, sec, at, "runtime", &s.Runtime))
		at = at.Add(jitterDur(20*time.Millisecond, 300*time.Millisecond, g.rng))
	}
}

// secretRead is s reading sec at t from host: during phase build as the
// build, at runtime as the Space with its bound token.
func (g *Generator) secretRead(s *Space, sec *Secret, t time.Time, phase string, host *Net) event.Event {
	ev := event.Event{Time: t, Action: "secret.read", Outcome: "success", Tenant: s.Org.Name,
		Actor: s.Actor("build"), Secret: sec.Event(), Resource: event.Resource{Type: "secret", ID: sec.ID},
		Source: host.Source(""), Workload: s.workload(phase), RequestID: HexID(g.rng, "req_")}
	if phase == "runtime" {
		ev.Actor.Type = "space"
		if s.Token != nil {
			ev.Token = s.Token.Event()
		}
	}
	return ev
}

// secretList: an admin opens a Space's settings, which lists its secrets.
func (g *Generator) secretList(ev *event.Event, t time.Time) {
	u := g.pickWorking(t, true)
	o := u.Orgs[0]
	s := pick(g.rng, o.Spaces)
	*ev = g.uiEvent(t, u, "secret.list", o.Name, s.Repo.Resource())
	ev.Secret = event.Secret{Tenant: o.Name, Workload: s.Workload}
}

// uiEvent is action by u in the web UI at t on tenant's resource r, with u's
// session; 1% are denied.
func (g *Generator) uiEvent(t time.Time, u *User, action, tenant string, r event.Resource) event.Event {
	return event.Event{Time: t, Action: action, Outcome: outcome(g.rng, 0, 0.01), Tenant: tenant,
		Actor: u.Actor(), Token: u.Session.Event(), Resource: r,
		Source: u.NetAt(t, g.rng).Source(u.BrowserAt(t)), SessionID: u.SessionIDAt(t), RequestID: HexID(g.rng, "req_")}
}
