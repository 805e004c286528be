package gen

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// NewLaptop is the "new_laptop" oddity: a user sets up a new machine: a new
// browser session creates a new token, used from then on with a new API
// client, from the usual network. PerUserDay is how often (default 1/700).
type NewLaptop struct{ PerUserDay float64 }

// Name is "new_laptop".
func (NewLaptop) Name() string { return "new_laptop" }

// Description says what NewLaptop does.
func (NewLaptop) Description() string {
	return "benign: a user switches to a new machine, browser, API client and token"
}

// Plan gives users new laptops and returns the token.create and first use.
func (s NewLaptop) Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event {
	var out []event.Event
	for range episodes(rng, rateOr(s.PerUserDay, 1.0/700), len(w.Users), start, end) {
		u := w.PickUser(rng)
		if !u.Laptop.From.IsZero() && !u.Laptop.From.Before(start) {
			continue // one planned already
		}
		u.adoptLaptop()
		from := within(start, end, rng)
		kind := pick(rng, []string{"fine_grained", "write"})
		tok := &Token{ID: HexID(rng, "tok_"), Kind: kind, Scopes: scopesFor(kind, rng), Owner: u.ID,
			Tenant: u.Orgs[0].Name, CreatedAt: from.Truncate(time.Second)}
		u.Laptop = Laptop{From: from, Agents: []string{other(u.Agents, cliAgents, rng)},
			Browser: other([]string{u.Browser}, browsers, rng), Token: tok, SessionID: HexID(rng, "sid_")}
		create := event.Event{Time: from, Action: "token.create", Outcome: "success", Tenant: tok.Tenant,
			Actor: u.Actor(), Token: tok.Event(), Resource: event.Resource{Type: "token", ID: tok.ID},
			Source: u.Home.Source(u.Laptop.Browser), SessionID: u.Laptop.SessionID, RequestID: HexID(rng, "req_")}
		use := UseEvent(from.Add(jitterDur(time.Minute, 10*time.Minute, rng)), u, tok, &u.Home, u.Laptop.Agents[0], w.PickRepo(u, rng))
		use.RequestID = HexID(rng, "req_")
		out = append(out, create, use)
	}
	return out
}

// other is an element of from not in have (any element when all are).
func other(have, from []string, rng *rand.Rand) string {
	for range 20 {
		if s := pick(rng, from); !slices.Contains(have, s) {
			return s
		}
	}
	return pick(rng, from)
}
