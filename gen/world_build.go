package gen

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// builder builds a World from one random stream.
type builder struct {
	w    *World
	rng  *rand.Rand
	seen map[string]bool // names taken, so every id is unique
}

// NewWorld builds the world of seed with tenants orgs. Everything in it was
// created before start.
func NewWorld(seed uint64, tenants int, start time.Time) *World {
	b := &builder{w: &World{Start: start}, rng: rand.New(rand.NewPCG(seed, streamWorld)), seen: map[string]bool{}}
	for rank := range tenants {
		b.org(rank)
	}
	b.secondOrgs()
	for _, o := range b.w.Orgs {
		b.services(o)
		b.repos(o)
		b.spaces(o)
	}
	b.w.index(b.rng)
	return b.w
}

// unique is name, or name with a suffix when it is taken.
func (b *builder) unique(name string) string {
	n := name
	for i := 2; b.seen[n]; i++ {
		n = name + "-" + strconv.Itoa(i)
	}
	b.seen[n] = true
	return n
}

// pick is a random element of list.
func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// orgSize is Zipf-like: a few orgs with hundreds of members, most with 1–10.
func orgSize(rank int, rng *rand.Rand) int {
	n := 400 / math.Pow(float64(rank+1), 1.1) * (0.7 + 0.6*rng.Float64())
	return max(1, int(n))
}

// org adds the org of size rank with its members; the first is an admin.
func (b *builder) org(rank int) {
	name := b.unique(pick(b.rng, orgWords) + "-" + pick(b.rng, orgSuffix))
	c := countryOf("", b.rng)
	o := &Org{Name: name, Country: c.code, Tenants: []string{name}}
	for i := range orgSize(rank, b.rng) {
		u := b.user(o, c)
		if i == 0 || b.rng.Float64() < 0.1 {
			u.Admin = true
			o.Admins = append(o.Admins, u)
		}
		o.Users = append(o.Users, u)
	}
	b.w.Orgs = append(b.w.Orgs, o)
}

// user is a member of o, living mostly (70%) in o's country.
func (b *builder) user(o *Org, oc *country) *User {
	rng := b.rng
	c := oc
	if rng.Float64() >= 0.7 {
		c = countryOf("", rng)
	}
	site := pick(rng, c.cities)
	u := &User{
		ID: b.unique(pick(rng, firstNames) + strconv.Itoa(rng.IntN(1000))), Type: "user",
		Orgs: []*Org{o}, Tenants: o.Tenants, Home: ispNet(pickISP(c, false, rng), site, rng),
		WorkFrom: 7 + rng.IntN(4), WorkHours: 8 + rng.IntN(3), Weekends: rng.Float64() < 0.15,
		Browser: pick(rng, browsers), Activity: math.Exp(rng.NormFloat64()),
	}
	if m := pickISP(c, true, rng); m != nil && rng.Float64() < 0.35 {
		u.Mobile = ispNet(m, site, rng)
	}
	if rng.Float64() < 0.1 { // night owl
		u.WorkFrom = 13 + rng.IntN(4)
	}
	u.Agents = []string{pick(rng, cliAgents)}
	if a := pick(rng, cliAgents); a != u.Agents[0] && rng.Float64() < 0.4 {
		u.Agents = append(u.Agents, a)
	}
	u.Tokens = b.userTokens(u.ID, o.Name)
	u.Session = b.token(u.ID, o.Name, "session", "", 14*rng.Float64())
	u.SessionID = HexID(rng, "sid_")
	b.w.Users = append(b.w.Users, u)
	return u
}

// secondOrgs makes 8% of users members of a second org too.
func (b *builder) secondOrgs() {
	for _, u := range b.w.Users {
		o := pick(b.rng, b.w.Orgs)
		if b.rng.Float64() >= 0.08 || o == u.Orgs[0] {
			continue
		}
		u.Orgs = append(u.Orgs, o)
		u.Tenants = []string{u.Orgs[0].Name, o.Name}
		o.Users = append(o.Users, u)
	}
}
