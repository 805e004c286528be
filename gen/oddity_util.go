package gen

import (
	"math"
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// episodes is how many episodes start in [start, end) at perUserDay episodes
// per user per day among users users (Poisson).
func episodes(rng *rand.Rand, perUserDay float64, users int, start, end time.Time) int {
	return poisson(rng, perUserDay*float64(users)*end.Sub(start).Hours()/24)
}

// poisson draws from a Poisson distribution of mean lambda.
func poisson(rng *rand.Rand, lambda float64) int {
	if lambda <= 0 {
		return 0
	}
	if lambda > 50 {
		return max(0, int(math.Round(lambda+math.Sqrt(lambda)*rng.NormFloat64())))
	}
	limit, p := math.Exp(-lambda), 1.0
	for k := 0; ; k++ {
		if p *= rng.Float64(); p <= limit {
			return k
		}
	}
}

// rateOr is rate, or def when rate is not set.
func rateOr(rate, def float64) float64 {
	if rate > 0 {
		return rate
	}
	return def
}

// sendAway starts stints for randomly picked users who are at home: each
// lasts minDur to maxDur on the network netFor picks for the user, and
// yields the user's first request from there.
func sendAway(w *World, rng *rand.Rand, start, end time.Time, perUserDay float64,
	minDur, maxDur time.Duration, netFor func(*User) Net) []event.Event {
	var out []event.Event
	for range episodes(rng, perUserDay, len(w.Users), start, end) {
		u := w.PickUser(rng)
		if u.Away.To.After(start) {
			continue // away already
		}
		from := within(start, end, rng)
		net := netFor(u)
		u.Away = Stint{From: from, To: from.Add(jitterDur(minDur, maxDur, rng)), Net: net}
		out = append(out, checkIn(w, u, rng, from))
	}
	return out
}

// checkIn is u's first request from where they now are, at t.
func checkIn(w *World, u *User, rng *rand.Rand, t time.Time) event.Event {
	ev := UseEvent(t, u, u.TokenAt(t, rng), u.NetAt(t, rng), u.AgentAt(t, rng), w.PickRepo(u, rng))
	ev.RequestID = HexID(rng, "req_")
	return ev
}

// otherCountry is a random user country other than home.
func otherCountry(home string, rng *rand.Rand) string {
	for {
		if c := pick(rng, countries).code; c != home {
			return c
		}
	}
}
