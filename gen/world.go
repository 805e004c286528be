package gen

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// World is the simulated platform: orgs, their members and service accounts,
// tokens, Spaces with their secrets, and models and datasets. The generator
// builds it once from the seed; scenarios read it and may set a user's
// overlays (Away, Laptop), which the benign traffic then follows.
type World struct {
	Start    time.Time // the simulated clock's start; tokens were created before it
	Orgs     []*Org    // by rank: Orgs[0] is the largest
	Users    []*User   // human users (actor type user)
	Services []*User   // CI and service accounts (actor type service)
	Spaces   []*Space

	userCum, serviceCum, orgCum []float64 // cumulative pick weights
	tokenSpaces                 []*Space  // Spaces with a bound token
	builders                    []Net     // platform build hosts
}

// Org is a tenant.
type Org struct {
	Name     string
	Country  string
	Tenants  []string // {Name}: actor.tenants of its Spaces
	Users    []*User
	Admins   []*User
	Services []*User
	Spaces   []*Space
	Repos    []*Repo // models and datasets
	Public   []*Repo // public models, datasets and Spaces
}

// Repo is a model, dataset or Space repository.
type Repo struct {
	ID         string // "org/name"
	Type       string // "model", "dataset" or "space"
	Visibility string
	Org        *Org
}

// Resource is r as an event resource.
func (r *Repo) Resource() event.Resource {
	return event.Resource{Type: r.Type, ID: r.ID, Visibility: r.Visibility}
}

// Space is a hosted app: its repo, its workload, the secrets it declares and
// the token bound to it (nil when it has none).
type Space struct {
	Repo
	Workload string // "space:org/name"
	Secrets  []*Secret
	Token    *Token
	Owner    *User
	Build    string // current build id
	Runtime  Net    // the host it runs on
}

// Actor is the Space acting as typ ("space" at runtime, "build" while building).
func (s *Space) Actor(typ string) event.Actor {
	return event.Actor{ID: s.Workload, Type: typ, Tenants: s.Org.Tenants}
}

// Secret is a Space secret: a name, never a value.
type Secret struct {
	ID    string
	Name  string
	Space *Space
}

// Event is sec as an event secret.
func (sec *Secret) Event() event.Secret {
	return event.Secret{ID: sec.ID, Name: sec.Name, Tenant: sec.Space.Org.Name, Workload: sec.Space.Workload}
}

// Token is an access token or web session.
type Token struct {
	ID        string
	Kind      string
	Scopes    []string // shared; replace, never modify in place
	Owner     string
	Tenant    string
	Workload  string
	CreatedAt time.Time
}

// Event is t as an event token.
func (t *Token) Event() event.Token {
	return event.Token{ID: t.ID, Kind: t.Kind, Scopes: t.Scopes, Owner: t.Owner,
		Tenant: t.Tenant, Workload: t.Workload, CreatedAt: t.CreatedAt}
}

// Net is a network a request comes from, as a located IP address.
type Net struct {
	IP       string
	ASN      uint32
	ASOrg    string
	Country  string
	Lat, Lon float64
	TZ       int // minutes east of UTC where its user is
	Internal bool
}

// Source is a request from n with user agent ua.
func (n *Net) Source(ua string) event.Source {
	return event.Source{IP: n.IP, ASN: n.ASN, ASOrg: n.ASOrg, Country: n.Country,
		Lat: n.Lat, Lon: n.Lon, HasGeo: true, UserAgent: ua, Internal: n.Internal}
}
