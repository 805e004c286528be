package gen

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Defaults for a zero Config.
const (
	DefaultTenants = 200
	DefaultRate    = 200.0
)

// Config of the simulated platform. The same Config always gives the same events.
type Config struct {
	Seed       uint64
	Tenants    int       // number of orgs (default 200)
	Start      time.Time // event time of the first event (simulated clock; default 2025-03-03T00:00:00Z, a Monday)
	Rate       float64   // mean events per simulated second at the diurnal average (default 200)
	Scenarios  []string  // names from Registry to mix in (may be empty)
	Registry   *Registry // where Scenarios are looked up; nil means Builtin()
	NoOddities bool      // leave out the built-in benign oddities, mixed in by default
}

// withDefaults is c with zero fields defaulted, or an error for invalid ones.
func (c Config) withDefaults() (Config, error) {
	if c.Tenants == 0 {
		c.Tenants = DefaultTenants
	}
	if c.Rate == 0 {
		c.Rate = DefaultRate
	}
	if c.Start.IsZero() {
		c.Start = time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	}
	c.Start = c.Start.UTC().Round(0)
	if c.Registry == nil {
		c.Registry = Builtin()
	}
	if c.Tenants < 0 {
		return c, fmt.Errorf("gen: tenants must be positive, got %d", c.Tenants)
	}
	if c.Rate < 0 || math.IsNaN(c.Rate) || math.IsInf(c.Rate, 0) {
		return c, fmt.Errorf("gen: rate must be a positive number, got %v", c.Rate)
	}
	return c, nil
}

// scenarios are the scenarios c mixes in: the built-in oddities unless
// NoOddities (Registry's version when it has one of the same name), then
// those named in Scenarios, each once.
func (c Config) scenarios() ([]Scenario, error) {
	var out []Scenario
	seen := map[string]bool{}
	add := func(s Scenario) {
		if !seen[s.Name()] {
			seen[s.Name()] = true
			out = append(out, s)
		}
	}
	if !c.NoOddities {
		for _, s := range Oddities() {
			if r, ok := c.Registry.Get(s.Name()); ok {
				s = r
			}
			add(s)
		}
	}
	var unknown []string
	for _, name := range c.Scenarios {
		s, ok := c.Registry.Get(name)
		if !ok {
			unknown = append(unknown, strconv.Quote(name))
			continue
		}
		add(s)
	}
	if unknown != nil {
		return nil, fmt.Errorf("gen: unknown scenario %s; known: %s",
			strings.Join(unknown, ", "), strings.Join(c.Registry.Names(), ", "))
	}
	return out, nil
}
