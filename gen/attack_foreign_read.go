package gen

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// ForeignSecretRuntimeRead is the "foreign_secret_runtime_read" attack: a
// private Space with a bound token wakes or restarts a few times a day and
// its runtime reads its own secrets, from the platform's network; then the
// runtime, compromised (a poisoned dependency loaded at startup, or code
// execution through the app), reads 3–8 secrets of 2 or more of the org's
// other Spaces within three minutes, with the same token from the same
// host; the platform refuses a few. At is when (default DefaultAttackAt
// after the stream start).
type ForeignSecretRuntimeRead struct{ At time.Duration }

// Name is "foreign_secret_runtime_read".
func (ForeignSecretRuntimeRead) Name() string { return "foreign_secret_runtime_read" }

// Description says what ForeignSecretRuntimeRead does.
func (ForeignSecretRuntimeRead) Description() string {
	return "attack: a running Space reads the secrets of the org's other Spaces with its bound token"
}

// Rule is "foreign_secret_runtime_read".
func (ForeignSecretRuntimeRead) Rule() string { return "foreign_secret_runtime_read" }

// Plan plans the episode when the stream starts.
func (s ForeignSecretRuntimeRead) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	return planOnce(s, w, rng, start, end)
}

// Episode is the Space's runtime reading its own secrets for days, then
// the org's other Spaces' secrets.
func (s ForeignSecretRuntimeRead) Episode(w *World, rng *rand.Rand) Episode {
	e := newEpisode(w, rng, s.At)
	o := orgWhere(w, rng, func(o *Org) bool { return len(o.Spaces) >= 3 && len(orgSecrets(o)) >= 8 })
	if o == nil {
		o = w.PickOrg(rng)
	}
	owner := newUser(w, rng, o, LocalNet(o.Country, rng), "write")
	sp := newSpace(w, rng, o, owner, 0, true)
	for _, t := range anyTimes(rng, w.Start, e.at.Add(-time.Hour), 1, 3) {
		e.history(wake(rng, sp, sp.Secrets, t)...)
	}
	t := e.at
	for i, sec := range foreignSecrets(w, rng, sp) {
		ev := runtimeRead(rng, sp, sec, t)
		if i > 1 && rng.Float64() < 0.25 {
			ev.Outcome = "denied"
		}
		e.strike(ev)
		t = t.Add(jitterDur(200*time.Millisecond, 20*time.Second, rng))
	}
	return e.done()
}

// runtimeRead is sp's runtime reading sec (its own or not) at t from its
// host, with its bound token.
func runtimeRead(rng *rand.Rand, sp *Space, sec *Secret, t time.Time) event.Event {
	ev := spaceRead(rng, sp, sec, t, "runtime", &sp.Runtime)
	ev.Token = sp.Token.Event()
	return ev
}

// wake is sp's runtime, started or woken from sleep at t, reading secrets
// within the second.
func wake(rng *rand.Rand, sp *Space, secrets []*Secret, t time.Time) []event.Event {
	out := make([]event.Event, 0, len(secrets))
	for _, sec := range secrets {
		out = append(out, runtimeRead(rng, sp, sec, t))
		t = t.Add(jitterDur(20*time.Millisecond, 300*time.Millisecond, rng))
	}
	return out
}

// foreignSecrets are 3–8 secrets of sp's org's other Spaces, in random
// order, of two Spaces at least. A small org gets Spaces of its own (which
// benign traffic never builds) to make up the number.
func foreignSecrets(w *World, rng *rand.Rand, sp *Space) []*Secret {
	all := orgSecrets(sp.Org)
	spaces := map[string]bool{sp.Workload: true}
	for _, s := range sp.Org.Spaces {
		spaces[s.Workload] = true
	}
	for len(all) < 8 || len(spaces) < 3 {
		if sib := newSpace(w, rng, sp.Org, sp.Owner, 4, false); !spaces[sib.Workload] {
			spaces[sib.Workload] = true
			all = append(all, sib.Secrets...)
		}
	}
	rng.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	n := 3 + rng.IntN(6)
	if i := slices.IndexFunc(all, func(sec *Secret) bool { return sec.Space != all[0].Space }); i >= n {
		all[n-1], all[i] = all[i], all[n-1] // a second Space among those read
	}
	return all[:n]
}
