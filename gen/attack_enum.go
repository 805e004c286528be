package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Enumeration is the "enumeration" attack: a user's API token, used in short
// sessions on a handful of the org's repos for days, sweeps a hosting
// provider's scripts across 45–55 Spaces, secrets and private repos of
// several tenants within five minutes: listing Space secrets, reading
// secrets, downloading repos; nearly all denied. At is when (default
// DefaultAttackAt after the stream start).
type Enumeration struct{ At time.Duration }

// Name is "enumeration".
func (Enumeration) Name() string { return "enumeration" }

// Description says what Enumeration does.
func (Enumeration) Description() string {
	return "attack: one token sweeps dozens of other tenants' Spaces, secrets and private repos in minutes"
}

// Rule is "enumeration".
func (Enumeration) Rule() string { return "enumeration" }

// Plan plans the episode when the stream starts.
func (s Enumeration) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the user's sessions, then the sweep.
func (s Enumeration) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := w.PickOrg(rng)
	u := newUser(w, rng, o, LocalNet(o.Country, rng), "write")
	tok := u.Tokens[0]
	var free time.Time // sessions are at least half an hour apart
	for _, t := range workingTimes(rng, u, w.Start, e.at.Add(-time.Hour), 1, 2) {
		if t.Before(free) {
			continue
		}
		repos := make([]*Repo, 2+rng.IntN(4))
		for i := range repos {
			repos[i] = w.PickRepo(u, rng)
		}
		for range 3 + rng.IntN(6) {
			e.history(use(rng, t, u, tok, &u.Home, u.Agents[0], pick(rng, repos)))
			t = t.Add(jitterDur(10*time.Second, 90*time.Second, rng))
		}
		free = t.Add(30 * time.Minute)
	}
	n, ua, t := attackerNet(rng, ""), pick(rng, attackerAgents), e.at
	for _, p := range sweep(w, rng, o, 45+rng.IntN(11)) {
		ev := event.Event{Time: t, Action: p.action, Outcome: "denied", Tenant: p.tenant, Actor: u.Actor(),
			Token: tok.Event(), Secret: p.secret, Resource: p.resource, Source: n.Source(ua), RequestID: HexID(rng, "req_")}
		if p.tenant == o.Name {
			ev.Outcome = "success"
		}
		e.strike(ev)
		t = t.Add(jitterDur(time.Second, 5*time.Second, rng))
	}
	return e.done()
}

// probe is one request of a sweep.
type probe struct {
	action, tenant string
	resource       event.Resource
	secret         event.Secret
}

// sweep is n distinct targets: 3 of own org, then up to 6 of each other
// org in random order (of new orgs when the world has too few).
func sweep(w *World, rng *rand.Rand, own *Org, n int) []probe {
	orgs := []*Org{own}
	for _, i := range rng.Perm(len(w.Orgs)) {
		if w.Orgs[i] != own {
			orgs = append(orgs, w.Orgs[i])
		}
	}
	var out []probe
	for i := 0; len(out) < n; i++ {
		if i >= len(orgs) {
			orgs = append(orgs, newOrg(w, rng))
		}
		k := 6
		if i == 0 {
			k = 3
		}
		out = append(out, probes(orgs[i], rng, min(k, n-len(out)))...)
	}
	return out
}

// probes are up to k distinct targets in o: secret.list on its Spaces,
// secret.read on their secrets, token.use on its private repos.
func probes(o *Org, rng *rand.Rand, k int) []probe {
	var all []probe
	for _, s := range o.Spaces {
		all = append(all, probe{action: "secret.list", tenant: o.Name, resource: s.Repo.Resource(),
			secret: event.Secret{Tenant: o.Name, Workload: s.Workload}})
		for _, sec := range s.Secrets {
			all = append(all, probe{action: "secret.read", tenant: o.Name,
				resource: event.Resource{Type: "secret", ID: sec.ID}, secret: sec.Event()})
		}
	}
	for _, r := range o.Repos {
		if r.Visibility == "private" {
			all = append(all, probe{action: "token.use", tenant: o.Name, resource: r.Resource()})
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	return all[:min(k, len(all))]
}
