package gen

import (
	"math/rand/v2"
	"slices"
	"strconv"
	"time"
)

// attackerAgents are the clients of scripts run from rented servers.
var attackerAgents = []string{"python-requests/2.32.3", "curl/8.5.0", "python-httpx/0.27.2", "Go-http-client/2.0"}

// newUser is a user of org o whom benign traffic never picks, at home on
// net home, active every day in their working hours, with one API token of
// kind (created 1–10 months before the stream) and a web session. Their id
// has four digits, so it never equals a world user's.
func newUser(w *World, rng *rand.Rand, o *Org, home Net, kind string) *User {
	u := &User{
		ID: pick(rng, firstNames) + strconv.Itoa(1000+rng.IntN(9000)), Type: "user",
		Orgs: []*Org{o}, Tenants: o.Tenants, Home: home, Weekends: true,
		WorkFrom: 8 + rng.IntN(3), WorkHours: 8, Agents: []string{pick(rng, cliAgents)},
		Browser: pick(rng, browsers), SessionID: HexID(rng, "sid_"), Activity: 1,
	}
	u.Tokens = []*Token{newToken(w, rng, u, kind, nil)}
	u.Session = newToken(w, rng, u, "session", nil)
	return u
}

// newToken is a new token of u of kind, with scopes (kind's usual ones when
// nil), created 1–10 months before the stream starts.
func newToken(w *World, rng *rand.Rand, u *User, kind string, scopes []string) *Token {
	if scopes == nil {
		scopes = scopesFor(kind, rng)
	}
	age := jitterDur(30*24*time.Hour, 300*24*time.Hour, rng)
	return &Token{ID: HexID(rng, "tok_"), Kind: kind, Scopes: scopes, Owner: u.ID,
		Tenant: u.Orgs[0].Name, CreatedAt: w.Start.Add(-age).Truncate(time.Second)}
}

// attackerNet is an exit of a VPN or hosting provider outside country not.
func attackerNet(rng *rand.Rand, not string) Net {
	for {
		if n := VPNNet(rng); n.Country != not {
			return n
		}
	}
}

// newSpace is a Space of o owned by owner that benign traffic never builds
// or runs, declaring secrets secrets (2–4 when 0), with a bound token when
// bound.
func newSpace(w *World, rng *rand.Rand, o *Org, owner *User, secrets int, bound bool) *Space {
	base := o.Name + "/" + pick(rng, spaceNames) + "-" + pick(rng, []string{"v2", "dev", "beta", "internal", "staging"})
	id := base
	for n := 2; slices.ContainsFunc(o.Spaces, func(s *Space) bool { return s.ID == id }); n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	s := &Space{Repo: Repo{ID: id, Type: "space", Visibility: "private", Org: o},
		Workload: "space:" + id, Owner: owner, Build: HexID(rng, "bld_"), Runtime: PlatformNet(rng)}
	if secrets == 0 {
		secrets = 2 + rng.IntN(3)
	}
	for _, i := range rng.Perm(len(secretNames))[:min(secrets, len(secretNames))] {
		s.Secrets = append(s.Secrets, &Secret{ID: HexID(rng, "sec_"), Name: secretNames[i], Space: s})
	}
	if bound {
		s.Token = newToken(w, rng, owner, "fine_grained", []string{"repo.content.read", "inference.serverless.write"})
		s.Token.Workload = s.Workload
	}
	return s
}

// newOrg is an org outside the world (benign traffic never picks it), with
// three private models and two private Spaces.
func newOrg(w *World, rng *rand.Rand) *Org {
	name := pick(rng, orgWords) + "-" + pick(rng, orgSuffix) + "-" + strconv.Itoa(10+rng.IntN(90))
	c := countryOf("", rng)
	o := &Org{Name: name, Country: c.code, Tenants: []string{name}}
	for _, i := range rng.Perm(len(modelNames))[:3] {
		o.Repos = append(o.Repos, &Repo{ID: name + "/" + modelNames[i], Type: "model", Visibility: "private", Org: o})
	}
	admin := newUser(w, rng, o, LocalNet(c.code, rng), "write")
	for range 2 {
		o.Spaces = append(o.Spaces, newSpace(w, rng, o, admin, 0, false))
	}
	return o
}
