package detect

import (
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// profile is one credential's history.
type profile struct {
	firstSeen, lastSeen stamp // uses only
	created             stamp // token.create seen, or the earliest created_at an event carried
	uses                uint32
	touched             int32 // the minute of the newest event of any kind
	asns                stats[uint32]
	countries           stats[[2]byte]
	agents              stats[uint64] // by familyKey
	lastGeo             geoUse
	scopes              []string // as of the newest event that carried them
	window              distinctWindow
	seq                 *credSequence // nil until a first step is armed
}

// geoUse is the newest geolocated use, inline and small.
type geoUse struct {
	lat, lon float32
	country  [2]byte
	at       uint32 // seconds since geoEpoch; 0 for none
	asn      uint32 // 0 for unknown
}

// geoEpoch starts geoUse's clock (2020-01-01, Unix seconds), which runs
// until 2156.
const geoEpoch = 1577836800

func geoSecond(t time.Time) uint32 { return uint32(max(t.Unix()-geoEpoch, 1)) }

func geoTime(s uint32) time.Time { return time.Unix(int64(s)+geoEpoch, 0) }

func newProfile(at time.Time) *profile { return &profile{firstSeen: stampOf(at)} }

// observe learns ev. Only successful uses shape the network baseline, and a
// token bound to a workload never learns an off-platform network as normal.
func (p *profile) observe(ev *event.Event, key uint64, cfg BaselineConfig) {
	p.touched = max(p.touched, minuteOf(ev.Time))
	p.observeSequence(ev)
	if len(ev.Token.Scopes) > 0 && !slices.Equal(p.scopes, ev.Token.Scopes) {
		p.scopes = ev.Token.Scopes // kept only when they change: each event's are its own
	}
	p.noteCreated(ev)
	if !slices.Contains(useActions, ev.Action) {
		return
	}
	p.window.add(ev, key, cfg.Window)
	if ev.Outcome != "success" {
		return
	}
	at := stampOf(ev.Time)
	if p.uses == 0 {
		p.firstSeen = at
	}
	p.firstSeen = min(p.firstSeen, at)
	p.uses++
	p.lastSeen = max(p.lastSeen, at)
	if ev.Token.Workload != "" && !ev.Source.Internal {
		return
	}
	p.learnNetwork(ev)
}

// observeSequence arms the credential's first steps; most credentials never
// have one, so the marks are allocated with the first.
func (p *profile) observeSequence(ev *event.Event) {
	switch ev.Action {
	case "token.leak_reported", "token.create", "token.update_scopes", "token.revoke":
		if p.seq == nil {
			p.seq = &credSequence{}
		}
	}
	if p.seq != nil {
		p.seq.observe(ev, p.scopes)
	}
}

// noteCreated remembers when the credential was created, the earliest
// time an event says.
func (p *profile) noteCreated(ev *event.Event) {
	c := ev.Token.CreatedAt
	if ev.Action == "token.create" && ev.Outcome == "success" {
		c = ev.Time
	}
	if c := stampOf(c); c != 0 && (p.created == 0 || c < p.created) {
		p.created = c
	}
}

func (p *profile) learnNetwork(ev *event.Event) {
	if ev.Source.ASN != 0 {
		p.asns.add(ev.Source.ASN, ev.Time)
	}
	if c, ok := countryKey(ev.Source.Country); ok {
		p.countries.add(c, ev.Time)
	}
	if f := agentFamily(ev.Source.UserAgent); f != "" {
		p.agents.add(familyKey(f), ev.Time)
	}
	if ev.Source.HasGeo && !ev.Source.Internal && (p.lastGeo.at == 0 || geoSecond(ev.Time) >= p.lastGeo.at) {
		c, _ := countryKey(ev.Source.Country)
		p.lastGeo = geoUse{lat: float32(ev.Source.Lat), lon: float32(ev.Source.Lon), country: c, at: geoSecond(ev.Time), asn: ev.Source.ASN}
	}
}

// actorProfile is the networks one actor (user, service, Space) acts from,
// across all their credentials, and the actor's recent steps for sequences.
type actorProfile struct {
	firstSeen time.Time
	asns      stats[uint32]
	asnSince  networkSince
	agents    stats[uint64] // user-agent families, by familyKey
	seq       actorSequence
	window    distinctWindow
}

// observe learns ev. Like a credential's, the actor's networks and clients
// are learned from successful uses only: a thief's scope widening or token
// creation from their own server must not make that server the actor's.
func (a *actorProfile) observe(ev *event.Event, key uint64, cfg BaselineConfig) {
	a.firstSeen = minTime(a.firstSeen, ev.Time) // a late or replayed older event
	a.seq.observe(ev)
	if !slices.Contains(useActions, ev.Action) {
		return
	}
	a.window.add(ev, key, cfg.Window)
	if ev.Outcome != "success" {
		return
	}
	if ev.Source.ASN != 0 && (ev.Token.Workload == "" || ev.Source.Internal) {
		a.asnSince.note(ev.Source.ASN, ev.Time, a.asns.get(ev.Source.ASN).known(ev.Time, cfg.Forget))
		a.asns.add(ev.Source.ASN, ev.Time)
	}
	if f := agentFamily(ev.Source.UserAgent); f != "" {
		a.agents.add(familyKey(f), ev.Time)
	}
}
