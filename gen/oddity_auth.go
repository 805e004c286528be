package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// FailedAuths is the "failed_auths" oddity: a forgotten script retries with a
// stale token (revoked long ago): a burst of 5–40 failed token.use within
// minutes from the user's usual network and client, on one repo, half the
// time followed by a success once the user fixes it. PerUserDay is how often
// (default 1/250).
type FailedAuths struct{ PerUserDay float64 }

// Name is "failed_auths".
func (FailedAuths) Name() string { return "failed_auths" }

// Description says what FailedAuths does.
func (FailedAuths) Description() string {
	return "benign: a burst of failed token use with a stale token from the user's usual network"
}

// Plan returns the bursts.
func (s FailedAuths) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	var out []event.Event
	for range episodes(rng, rateOr(s.PerUserDay, 1.0/250), len(w.Users), start, end) {
		out = append(out, burst(w, w.PickUser(rng), rng, within(start, end, rng))...)
	}
	return out
}

// burst is u's script failing from at on.
func burst(w *World, u *User, rng *rand.Rand, at time.Time) []event.Event {
	kind := pick(rng, []string{"read", "write", "fine_grained"})
	stale := &Token{ID: HexID(rng, "tok_"), Kind: kind, Scopes: scopesFor(kind, rng), Owner: u.ID,
		Tenant: u.Orgs[0].Name, CreatedAt: w.Start.Add(-jitterDur(400*24*time.Hour, 900*24*time.Hour, rng)).Truncate(time.Second)}
	n, ua, r := u.NetAt(at, rng), u.AgentAt(at, rng), w.PickRepo(u, rng)
	out := make([]event.Event, 0, 41)
	for range 5 + rng.IntN(36) {
		ev := UseEvent(at, u, stale, n, ua, r)
		ev.Outcome, ev.RequestID = "failure", HexID(rng, "req_")
		out = append(out, ev)
		at = at.Add(jitterDur(time.Second, 30*time.Second, rng))
	}
	if rng.Float64() < 0.5 {
		ev := UseEvent(at.Add(jitterDur(time.Minute, 20*time.Minute, rng)), u, u.TokenAt(at, rng), n, ua, r)
		ev.RequestID = HexID(rng, "req_")
		out = append(out, ev)
	}
	return out
}
