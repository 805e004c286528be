package gen

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Variants are attack variants the fixtures do not show, one of each class
// with its default parameters, striking at after the stream start (0:
// DefaultAttackAt). Each is mixed in only when named; tests play more of
// each class by setting the parameters and a Tag. They are not among
// Attacks, whose fixtures are under testdata/scenarios. Their victims are
// in any org of the world, whatever its size (attacks draw orgs by size),
// so that variants played together spread over many orgs.
func Variants(at time.Duration) []Scenario {
	return []Scenario{NeverUsedToken{At: at}, RevokedRepersist{At: at}, ScopeWidening{At: at}, OrgLegacyFirstSeen{At: at}}
}

// tagged is name, followed by ":" and tag when tag is set: variants of one
// class played in one stream need names of their own (and so random streams).
func tagged(name, tag string) string {
	if tag == "" {
		return name
	}
	return name + ":" + tag
}

// tokenEvent is u's action on tok in the web UI at t from n (token.create,
// token.update_scopes, token.revoke): the event carries tok, not the session.
func tokenEvent(rng *rand.Rand, t time.Time, u *User, n *Net, action string, tok *Token) event.Event {
	ev := ui(rng, t, u, n, action, tok.Tenant, event.Resource{Type: "token", ID: tok.ID})
	ev.Token = tok.Event()
	return ev
}

// hookEvent is u creating a webhook of tenant in the web UI at t from n,
// pointing at url's host.
func hookEvent(rng *rand.Rand, t time.Time, u *User, n *Net, tenant, host string) event.Event {
	ev := ui(rng, t, u, n, "webhook.create", tenant, event.Resource{Type: "webhook", ID: HexID(rng, "wh_")})
	ev.Attrs = map[string]string{"url": "https://" + host + "/hook"}
	return ev
}

// Revoker is who revokes a user's token on the security team's behalf.
type Revoker int

// The security team's revokers.
const (
	RevokerAdmin   Revoker = iota // a human admin of the owner's org, in the web UI from home
	RevokerService                // an automated responder (service account) calling the API from a cloud
)

// responders are the ids of automated responders that revoke tokens.
var responders = []string{"credwatch-receiver", "secops-autorevoke", "soar-playbook"}

// securityTeam is who revokes a token of org o and from where: an admin
// with their own routine until until, or a responder service without one.
func (e *episode) securityTeam(o *Org, r Revoker, until time.Time) (*User, Net) {
	if r == RevokerService {
		id := pick(e.rng, responders)
		s := &User{ID: id, Type: "service", Orgs: []*Org{o}, Tenants: o.Tenants, Home: CloudNet(e.rng),
			Agents: []string{id + "/1." + strconv.Itoa(e.rng.IntN(10))}, AllDay: true}
		return s, s.Home
	}
	a := newUser(e.w, e.rng, o, LocalNet(o.Country, e.rng), "write")
	a.Admin = true
	e.routine(a, a.Tokens[0], until, 1, 3)
	for _, t := range workingTimes(e.rng, a, e.w.Start, until, 0, 1) {
		sp := pick(e.rng, o.Spaces)
		ev := ui(e.rng, t, a, &a.Home, "secret.list", o.Name, sp.Repo.Resource())
		ev.Secret = event.Secret{Tenant: o.Name, Workload: sp.Workload}
		e.history(ev)
	}
	return a, a.Home
}

// revokeEvent is by revoking tok at t from n: in the web UI for a human,
// through the API for a service.
func revokeEvent(rng *rand.Rand, t time.Time, by *User, n *Net, tok *Token) event.Event {
	if by.Session != nil {
		return tokenEvent(rng, t, by, n, "token.revoke", tok)
	}
	return event.Event{Time: t, Action: "token.revoke", Outcome: "success", Tenant: tok.Tenant, Actor: by.Actor(),
		Token: tok.Event(), Resource: event.Resource{Type: "token", ID: tok.ID}, Source: n.Source(by.Agents[0]),
		RequestID: HexID(rng, "req_")}
}

// orgRepo is one of o's own models, datasets or Spaces.
func orgRepo(rng *rand.Rand, o *Org) *Repo {
	if len(o.Repos) > 0 && rng.Float64() < 0.7 {
		return pick(rng, o.Repos)
	}
	return &pick(rng, o.Spaces).Repo
}
