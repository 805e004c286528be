package gen

import (
	"math/rand/v2"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Scenario is a pluggable source of events mixed into the benign stream:
// benign oddities here, attacks elsewhere.
type Scenario interface {
	Name() string
	Description() string
	// Plan returns the scenario's events between start and end, using world w
	// (the simulated orgs, users, tokens, Spaces) and rng; the generator merges
	// them into the stream in time order and gives those without an ID one.
	// Plan is called for consecutive windows of simulated time, in order. It
	// may set a user's overlays (User.Away, User.Laptop) from start on. It
	// may also return events after end (an Attack plans its whole episode in
	// the first window); the generator holds them until their time.
	Plan(w *World, rng *rand.Rand, start, end time.Time) []event.Event
}

// Registry holds scenarios by name. The zero value is an empty registry.
type Registry struct {
	byName map[string]Scenario
}

// NewRegistry is a registry holding s; a later scenario replaces an earlier
// one of the same name.
func NewRegistry(s ...Scenario) *Registry {
	r := &Registry{byName: make(map[string]Scenario, len(s))}
	for _, sc := range s {
		r.Add(sc)
	}
	return r
}

// Add adds s, replacing any scenario of the same name.
func (r *Registry) Add(s Scenario) {
	if r.byName == nil {
		r.byName = map[string]Scenario{}
	}
	r.byName[s.Name()] = s
}

// Get is the scenario named name.
func (r *Registry) Get(name string) (Scenario, bool) {
	s, ok := r.byName[name]
	return s, ok
}

// Names are the registered names, sorted.
func (r *Registry) Names() []string {
	names := make([]string, 0, len(r.byName))
	for name := range r.byName {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// Builtin is a new registry with the built-in scenarios: the benign
// oddities, the attacks, their variants and the variants' benign
// look-alikes (at their default times).
func Builtin() *Registry {
	return NewRegistry(slices.Concat(Oddities(), Attacks(0), Variants(0), LookAlikes(0))...)
}

// Oddities are the benign oddities the generator mixes in unless
// Config.NoOddities: travel, vpn, new_laptop and failed_auths, at their
// default rates.
func Oddities() []Scenario {
	return []Scenario{Travel{}, VPN{}, NewLaptop{}, FailedAuths{}}
}

// Attacks are the attack scenarios, each mixed in only when named and then
// played once per stream, at after the stream start (0: DefaultAttackAt).
// The dormant token, which must sleep first, wakes DefaultDormantIdle later.
func Attacks(at time.Duration) []Scenario {
	dormant := DormantToken{}
	if at > 0 {
		dormant.At = at + DefaultDormantIdle
	}
	return []Scenario{
		CrossTenantPrivate{at}, SpaceTokenOffPlatform{at}, BuildOverread{at}, Enumeration{at},
		FirstSeenASN{at}, ImpossibleTravel{at}, dormant, LeakedTokenUsed{at},
		MintedThenUsed{at}, ScopeEscalation{at}, Repersistence{at}, SpaceDuplicateProbe{at},
		ForeignSecretRuntimeRead{at}, RevokedTokenReplay{At: at},
	}
}
