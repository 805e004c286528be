package detect

import (
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// profile is one credential's history.
type profile struct {
	firstSeen, lastSeen time.Time // uses only
	created             time.Time // token.create seen, or the earliest created_at an event carried
	uses                int
	asns                map[uint32]valueStat
	countries, agents   map[string]valueStat
	lastGeo             *geoUse
	scopes              []string // as of the newest event that carried them
	window              distinctWindow
	seq                 credSequence
}

// valueStat is how often and how lately a value was seen.
type valueStat struct {
	count int
	last  time.Time
}

func (v valueStat) known(at time.Time, forget time.Duration) bool {
	return v.count > 0 && at.Sub(v.last) <= forget
}

func (v *valueStat) add(at time.Time) {
	v.count++
	v.last = maxTime(v.last, at)
}

type geoUse struct {
	lat, lon float64
	country  string
	at       time.Time
}

func newProfile(at time.Time) *profile {
	return &profile{firstSeen: at, asns: map[uint32]valueStat{},
		countries: map[string]valueStat{}, agents: map[string]valueStat{}}
}

// observe learns ev. Only successful uses shape the network baseline, and a
// token bound to a workload never learns an off-platform network as normal.
func (p *profile) observe(ev *event.Event, key uint64, cfg BaselineConfig) {
	p.seq.observe(ev, p.scopes)
	if len(ev.Token.Scopes) > 0 {
		p.scopes = ev.Token.Scopes
	}
	p.noteCreated(ev)
	if !slices.Contains(useActions, ev.Action) {
		return
	}
	p.window.add(ev, key, cfg.Window)
	if ev.Outcome != "success" {
		return
	}
	if p.uses == 0 {
		p.firstSeen = ev.Time
	}
	p.firstSeen = minTime(p.firstSeen, ev.Time)
	p.uses++
	p.lastSeen = maxTime(p.lastSeen, ev.Time)
	if ev.Token.Workload != "" && !ev.Source.Internal {
		return
	}
	p.learnNetwork(ev)
}

// noteCreated remembers when the credential was created, the earliest
// time an event says.
func (p *profile) noteCreated(ev *event.Event) {
	c := ev.Token.CreatedAt
	if ev.Action == "token.create" && ev.Outcome == "success" {
		c = ev.Time
	}
	if !c.IsZero() && (p.created.IsZero() || c.Before(p.created)) {
		p.created = c
	}
}

func (p *profile) learnNetwork(ev *event.Event) {
	if ev.Source.ASN != 0 {
		addStat(p.asns, ev.Source.ASN, ev.Time)
	}
	if ev.Source.Country != "" {
		addStat(p.countries, ev.Source.Country, ev.Time)
	}
	if f := agentFamily(ev.Source.UserAgent); f != "" {
		addStat(p.agents, f, ev.Time)
	}
	if ev.Source.HasGeo && !ev.Source.Internal && (p.lastGeo == nil || !ev.Time.Before(p.lastGeo.at)) {
		p.lastGeo = &geoUse{lat: ev.Source.Lat, lon: ev.Source.Lon, country: ev.Source.Country, at: ev.Time}
	}
}

func addStat[K comparable](m map[K]valueStat, k K, at time.Time) {
	v := m[k]
	v.add(at)
	m[k] = v
}

// actorProfile is the networks one actor (user, service, Space) acts from,
// across all their credentials, and the actor's recent steps for sequences.
type actorProfile struct {
	firstSeen time.Time
	asns      map[uint32]valueStat
	seq       actorSequence
	window    distinctWindow
}

func (a *actorProfile) observe(ev *event.Event, key uint64, cfg BaselineConfig) {
	a.seq.observe(ev)
	if slices.Contains(useActions, ev.Action) {
		a.window.add(ev, key, cfg.Window)
	}
	if ev.Outcome == "success" && ev.Source.ASN != 0 && (ev.Token.Workload == "" || ev.Source.Internal) {
		addStat(a.asns, ev.Source.ASN, ev.Time)
	}
}
