package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// BuildOverread is the "build_overread" attack: a private Space is rebuilt
// every day or two, each build reading just the secrets it declares; then a
// build (a poisoned Dockerfile or dependency) reads its own secrets and,
// within a minute, 8–15 secrets of the org's other Spaces. At is when
// (default DefaultAttackAt after the stream start).
type BuildOverread struct{ At time.Duration }

// Name is "build_overread".
func (BuildOverread) Name() string { return "build_overread" }

// Description says what BuildOverread does.
func (BuildOverread) Description() string {
	return "attack: a Space build reads the secrets of the org's other Spaces"
}

// Rule is "build_overread".
func (BuildOverread) Rule() string { return "build_overread" }

// Plan plans the episode when the stream starts.
func (s BuildOverread) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the Space's normal builds, then the overreading one.
func (s BuildOverread) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := orgWhere(w, rng, func(o *Org) bool { return len(orgSecrets(o)) >= 10 })
	if o == nil {
		o = w.PickOrg(rng)
	}
	owner := newUser(w, rng, o, LocalNet(o.Country, rng), "write")
	sp := newSpace(w, rng, o, owner, 0, false)
	foreign := orgSecrets(o)
	for len(foreign) < 15 { // a small org: Spaces of its own make up the number
		if sib := newSpace(w, rng, o, owner, 4, false); sib.Workload != sp.Workload {
			foreign = append(foreign, sib.Secrets...)
		}
	}
	for _, t := range workingTimes(rng, owner, w.Start, e.at.Add(-time.Hour), 0, 2) {
		e.history(build(rng, w, sp, t, sp.Secrets)...)
	}
	rng.Shuffle(len(foreign), func(i, j int) { foreign[i], foreign[j] = foreign[j], foreign[i] })
	e.strike(build(rng, w, sp, e.at, append(append([]*Secret{}, sp.Secrets...), foreign[:8+rng.IntN(8)]...))...)
	return e.done()
}

// build is a build of sp at t on a platform builder reading secrets within
// seconds; a build reading only sp's own secrets is followed by the new
// runtime reading them.
func build(rng *rand.Rand, w *World, sp *Space, t time.Time, secrets []*Secret) []event.Event {
	sp.Build = HexID(rng, "bld_")
	host := &w.builders[rng.IntN(len(w.builders))]
	out := []event.Event{{Time: t, Action: "space.build", Outcome: "success", Tenant: sp.Org.Name,
		Actor: sp.Actor("build"), Resource: sp.Repo.Resource(), Source: host.Source(builderAgent),
		Workload: sp.workload("build")}}
	for _, sec := range secrets {
		t = t.Add(jitterDur(100*time.Millisecond, 3*time.Second, rng))
		out = append(out, spaceRead(rng, sp, sec, t, "build", host))
	}
	if len(secrets) > len(sp.Secrets) {
		return out
	}
	t = t.Add(jitterDur(30*time.Second, 10*time.Minute, rng))
	for _, sec := range secrets {
		out = append(out, spaceRead(rng, sp, sec, t, "runtime", &sp.Runtime))
		t = t.Add(jitterDur(20*time.Millisecond, 300*time.Millisecond, rng))
	}
	return out
}

// spaceRead is sp reading sec (its own or not) at t from host in phase.
func spaceRead(rng *rand.Rand, sp *Space, sec *Secret, t time.Time, phase string, host *Net) event.Event {
	ev := event.Event{Time: t, Action: "secret.read", Outcome: "success", Tenant: sp.Org.Name,
		Actor: sp.Actor("build"), Secret: sec.Event(), Resource: event.Resource{Type: "secret", ID: sec.ID},
		Source: host.Source(""), Workload: sp.workload(phase), RequestID: HexID(rng, "req_")}
	if phase == "runtime" {
		ev.Actor.Type = "space"
	}
	return ev
}

// orgSecrets are the secrets of o's Spaces.
func orgSecrets(o *Org) []*Secret {
	var out []*Secret
	for _, s := range o.Spaces {
		out = append(out, s.Secrets...)
	}
	return out
}
