package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// SpaceDuplicateProbe is the "space_duplicate_probe" attack: a user of a
// small org of their own, always behind a VPN, duplicates a public Space of
// another tenant, then within half an hour lists that Space's secrets and
// tries to read them one by one through the API: all refused. At is when the
// Space is duplicated (default DefaultAttackAt after the stream start).
type SpaceDuplicateProbe struct{ At time.Duration }

// Name is "space_duplicate_probe".
func (SpaceDuplicateProbe) Name() string { return "space_duplicate_probe" }

// Description says what SpaceDuplicateProbe does.
func (SpaceDuplicateProbe) Description() string {
	return "attack: a user duplicates another tenant's Space, then tries to list and read its secrets"
}

// Rule is "space_duplicate_probe".
func (SpaceDuplicateProbe) Rule() string { return "space_duplicate_probe" }

// Plan plans the episode when the stream starts.
func (s SpaceDuplicateProbe) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the prober's light routine, the duplication, then the probes.
func (s SpaceDuplicateProbe) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	a := newOrg(w, rng)
	x := newUser(w, rng, a, attackerNet(rng, ""), "write")
	e.routine(x, x.Tokens[0], e.at.Add(-time.Hour), 1, 2)
	src := publicSpace(w, rng)
	dup := ui(rng, e.at, x, &x.Home, "space.duplicate", src.Org.Name, src.Repo.Resource())
	dup.Attrs = map[string]string{"target": a.Name + "/" + src.ID[len(src.Org.Name)+1:] + "-copy"}
	t := e.at.Add(jitterDur(3*time.Minute, 20*time.Minute, rng))
	list := ui(rng, t, x, &x.Home, "secret.list", src.Org.Name, src.Repo.Resource())
	list.Secret, list.Outcome = event.Secret{Tenant: src.Org.Name, Workload: src.Workload}, "denied"
	e.strike(dup, list)
	ua, fails := pick(rng, attackerAgents), rng.IntN(4)
	for i := range 4 + rng.IntN(4) {
		t = t.Add(jitterDur(5*time.Second, 40*time.Second, rng))
		sec := src.Secrets[i%len(src.Secrets)]
		ev := event.Event{Time: t, Action: "secret.read", Outcome: "denied", Tenant: src.Org.Name,
			Actor: x.Actor(), Token: x.Tokens[0].Event(), Secret: sec.Event(),
			Resource: event.Resource{Type: "secret", ID: sec.ID}, Source: x.Home.Source(ua), RequestID: HexID(rng, "req_")}
		if i == fails {
			ev.Outcome = "failure"
		}
		e.strike(ev)
	}
	return e.done()
}

// publicSpace is a public Space of w with at least two secrets (one of a new
// org when the world has none).
func publicSpace(w *World, rng *rand.Rand) *Space {
	ok := func(s *Space) bool { return s.Visibility == "public" && len(s.Secrets) >= 2 }
	if len(w.Spaces) > 0 {
		for range 60 {
			if s := pick(rng, w.Spaces); ok(s) {
				return s
			}
		}
	}
	for _, s := range w.Spaces {
		if ok(s) {
			return s
		}
	}
	s := newOrg(w, rng).Spaces[0]
	s.Visibility = "public"
	return s
}
