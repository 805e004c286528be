package gen

import (
	"math/rand/v2"
	"time"

	"github.com/credwatch/credwatch/event"
)

// User is a human user (Type "user") or a CI/service account (Type "service").
type User struct {
	ID        string
	Type      string
	Orgs      []*Org
	Tenants   []string // names of Orgs: actor.tenants
	Home      Net      // usual network; for services, the cloud region
	Mobile    Net      // phone tethering; IP "" when the user has none
	WorkFrom  int      // local hour the working day starts
	WorkHours int      // length of the working day
	Weekends  bool     // works on weekends too
	AllDay    bool     // active around the clock (service accounts)
	Agents    []string // API clients, used with Tokens
	Browser   string   // web UI, used with Session
	Tokens    []*Token // API tokens
	Session   *Token   // web session token
	SessionID string
	Admin     bool    // manages the org's Spaces, secrets and members
	Activity  float64 // relative request rate
	Away      Stint   // travel or VPN: another network for a while
	Laptop    Laptop  // a new machine from a time on
}

// Actor is u as an event actor.
func (u *User) Actor() event.Actor {
	return event.Actor{ID: u.ID, Type: u.Type, Tenants: u.Tenants}
}

// NetAt is the network u's request at t comes from: Away's while away, else
// home, sometimes (15%) the mobile network.
func (u *User) NetAt(t time.Time, rng *rand.Rand) *Net {
	switch {
	case u.away(t):
		return &u.Away.Net
	case u.Mobile.IP != "" && rng.Float64() < 0.15:
		return &u.Mobile
	}
	return &u.Home
}

// AgentAt is the API client u uses at t.
func (u *User) AgentAt(t time.Time, rng *rand.Rand) string {
	a := u.Agents
	if u.onLaptop(t) {
		a = u.Laptop.Agents
	}
	return a[rng.IntN(len(a))]
}

// BrowserAt is the browser u uses at t.
func (u *User) BrowserAt(t time.Time) string {
	if u.onLaptop(t) {
		return u.Laptop.Browser
	}
	return u.Browser
}

// TokenAt is the API token u uses at t: on a new laptop mostly its new token,
// else one of Tokens that existed at t.
func (u *User) TokenAt(t time.Time, rng *rand.Rand) *Token {
	if u.onLaptop(t) && u.Laptop.Token != nil && rng.Float64() < 0.6 {
		return u.Laptop.Token
	}
	tok := u.Tokens[rng.IntN(len(u.Tokens))]
	if tok.CreatedAt.After(t) {
		return u.Tokens[0]
	}
	return tok
}

// Working reports whether t falls in u's working hours, in the time zone u is in.
func (u *User) Working(t time.Time) bool {
	if u.AllDay {
		return true
	}
	tz := u.Home.TZ
	if u.away(t) {
		tz = u.Away.Net.TZ
	}
	day, sec := localClock(t, tz)
	if !u.Weekends && (day == 0 || day == 6) {
		return false
	}
	return (int(sec/3600)-u.WorkFrom+24)%24 < u.WorkHours
}
