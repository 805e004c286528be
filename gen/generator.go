package gen

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Random streams: the world and the traffic draw from separate PCG streams of
// the seed, and each scenario from one keyed by its name, so adding a
// scenario leaves the world and the benign traffic unchanged.
const (
	streamWorld   = 0x776f726c64     // "world"
	streamTraffic = 0x74726166666963 // "traffic"
)

// planWindow is how much simulated time scenarios plan at once.
const planWindow = time.Hour

// Generator produces events in event-time order. Not safe for concurrent use.
type Generator struct {
	w       *World
	rng     *rand.Rand
	plans   []plan
	q       queue   // scenario events and follow-ups (build secret reads...)
	mixSum  float64 // sum of mixWeights
	rate    float64 // benign arrivals per second at the diurnal average
	id      []byte  // "g<seed hex>-", then scratch for the sequence number
	idLen   int
	seq     uint64
	now     time.Time // time of the last event, full precision
	next    time.Time // the next benign arrival, when hasNext
	hasNext bool
	at      time.Time // set by At, when hasAt
	hasAt   bool
	planned time.Time       // scenarios have planned up to here
	revoked map[string]bool // tokens revoked so far: the platform refuses them
	lagging map[string]bool // tokens whose revocation lags: never refused (RevocationLag)
}

// plan is a scenario with its own random stream.
type plan struct {
	s    Scenario
	rng  *rand.Rand
	lags bool // s's revocations lag (RevocationLag)
}

// New is a generator for cfg; it fails for unknown scenario names, listing
// the known ones.
func New(cfg Config) (*Generator, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	scenarios, err := cfg.scenarios()
	if err != nil {
		return nil, err
	}
	w := NewWorld(cfg.Seed, cfg.Tenants, cfg.Start)
	g := &Generator{w: w, rng: rand.New(rand.NewPCG(cfg.Seed, streamTraffic)),
		now: cfg.Start, next: cfg.Start, hasNext: true, planned: cfg.Start}
	for _, s := range scenarios {
		g.plans = append(g.plans, plan{s, rand.New(rand.NewPCG(cfg.Seed, nameKey(s.Name()))), lagsRevocation(s)})
	}
	g.id = fmt.Appendf(make([]byte, 0, 64), "g%x-", cfg.Seed)
	g.idLen = len(g.id)
	for _, x := range mixWeights {
		g.mixSum += x
	}
	g.rate = cfg.Rate / g.eventsPerArrival()
	return g, nil
}

// World is the simulated platform the events are about.
func (g *Generator) World() *World { return g.w }

// At makes the next event happen at t (live mode: the caller sets wall-clock
// time before each Next). Without it, time advances on the simulated clock by
// exponential inter-arrival times scaled by the diurnal curve.
func (g *Generator) At(t time.Time) {
	g.at, g.hasAt = t.UTC().Round(0), true
	g.hasNext = false
}
