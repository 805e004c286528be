package detect

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/geo"
)

// Facts are what the engine knows about an event before the event, handed
// to every rule as input.context so rules stay pure.
type Facts struct {
	// Learning: nothing has watched long enough to judge this event by —
	// the engine is younger than the learning period, or the credential,
	// its actor and its tenant all are. A credential never used before is
	// not learning on its own account: it is judged by its owner's and its
	// tenant's networks.
	Learning bool `json:"learning"`
	// CredentialLearning: the credential's own uses span less than the
	// learning period (or it has none), so its first-seen facts say little
	// without the actor's and the tenant's.
	CredentialLearning bool          `json:"credential_learning"`
	HistoryDays        int           `json:"history_days"` // since the credential's first use
	Uses               int           `json:"uses"`
	IdleDays           int           `json:"idle_days"` // whole days since its last use
	Late               bool          `json:"late"`      // behind the watermark
	FirstSeen          FirstSeen     `json:"first_seen"`
	Profile            Profile       `json:"profile"`
	KnownASNs          int           `json:"known_asns"`
	Travel             *Travel       `json:"travel,omitempty"`
	Actor              ActorFacts    `json:"actor"`
	Tenant             TenantFacts   `json:"tenant"`
	Network            NetworkFacts  `json:"network"`
	Window             *WindowFacts  `json:"window,omitempty"` // on use actions
	Build              *BuildFacts   `json:"build,omitempty"`  // on a build's secret reads
	Scopes             *ScopeFacts   `json:"scopes,omitempty"` // on token.update_scopes
	Sequence           SequenceFacts `json:"sequence"`
}

// FirstSeen says which of this event's values the credential has not used
// within the forget horizon.
type FirstSeen struct {
	ASN      bool `json:"asn"`
	Country  bool `json:"country"`
	UAFamily bool `json:"ua_family"`
}

// Profile is how usual each value is for the credential: UNSEEN, RARE
// (< 1% of uses), INFREQUENT (< 10%) or FREQUENT.
type Profile struct {
	ASN      string `json:"asn"`
	Country  string `json:"country"`
	UAFamily string `json:"ua_family"`
}

// ActorFacts are the acting principal's networks across its credentials.
type ActorFacts struct {
	Learning    bool         `json:"learning"` // the actor is younger than the learning period: "never used" means little
	KnownASN    bool         `json:"known_asn"`
	KnownASNs   int          `json:"known_asns"`
	HistoryDays int          `json:"history_days"`
	Window      *WindowFacts `json:"window,omitempty"` // the actor's window across its credentials, on use actions
}

// TenantFacts are the networks the event's tenant (every member, every
// credential) used.
type TenantFacts struct {
	Learning    bool `json:"learning"`  // the tenant is younger than the learning period
	KnownASN    bool `json:"known_asn"` // a member used this network within the forget horizon
	HistoryDays int  `json:"history_days"`
}

// NetworkFacts are how common the source network is across every
// credential this engine sees.
type NetworkFacts struct {
	// Actors is how many distinct actors succeeded from this ASN (counted to
	// maxNetworkActors): a consumer ISP or VPN many users share is common, an
	// attacker's rented server is not.
	Actors int `json:"actors"`
}

// WindowFacts are the credential's activity in the window ending at this
// event (this event included), with the robust baseline of past windows'
// peak distinct counts.
type WindowFacts struct {
	Minutes  int         `json:"minutes"`
	Events   int         `json:"events"`
	Distinct int         `json:"distinct"` // distinct resources (or secrets) touched
	Denied   int         `json:"denied"`
	Baseline RobustStats `json:"baseline"`
}

// ScopeFacts compare an update's scopes with the credential's previous ones.
type ScopeFacts struct {
	Previous []string `json:"previous"`
	Added    []string `json:"added"`
}

// Travel compares this use with the credential's previous geolocated use.
type Travel struct {
	KM          float64 `json:"km"`
	Hours       float64 `json:"hours"`
	SpeedKMH    float64 `json:"speed_kmh"`
	FromCountry string  `json:"from_country"`
	ToCountry   string  `json:"to_country"`
}

// Facts computes ev's facts from the baselines (before observing ev).
func (b *Baselines) Facts(ev *event.Event) Facts {
	f := Facts{Late: ev.Time.Before(b.newest.Add(-b.cfg.Lateness))}
	if f.Late {
		b.late++
	}
	key := resourceKey(b.seed, ev)
	b.actorFacts(ev, key, &f)
	f.Tenant = b.networks.TenantFacts(ev.Tenant, ev.Source.ASN, ev.Time, b.cfg.Learning, b.cfg.Forget)
	f.Network = NetworkFacts{Actors: b.networks.Actors(ev.Source.ASN)}
	if isBuildRead(ev) {
		f.Build = b.workloads[ev.Workload.ID].facts(ev)
	}
	ck := b.credKey(ev.Credential())
	p := b.creds[ck]
	if p == nil {
		p = cmp.Or(b.revived(ck), &profile{}) // else never seen: every value is new to it
	}
	p.seq.facts(ev.Time, &f.Sequence)
	if ev.Action == "token.update_scopes" && p.scopes != nil {
		f.Scopes = &ScopeFacts{Previous: p.scopes, Added: addedScopes(p.scopes, ev.Token.Scopes)}
	}
	if slices.Contains(useActions, ev.Action) {
		f.Window = p.window.facts(ev, key, b.cfg.Window)
	}
	b.credentialFacts(p, ev, &f)
	f.Learning = b.engineLearning(ev.Time) || (f.CredentialLearning && f.Actor.Learning && f.Tenant.Learning)
	return f
}

// engineLearning reports whether the engine has watched for less than the
// learning period at t.
func (b *Baselines) engineLearning(t time.Time) bool {
	started := b.networks.Started()
	return started.IsZero() || t.Sub(started) < b.cfg.Learning
}

func (b *Baselines) actorFacts(ev *event.Event, key uint64, f *Facts) {
	a := b.actors[ev.Actor.ID]
	if a == nil {
		f.Actor.Learning = true
		return
	}
	a.seq.facts(ev, &f.Sequence)
	f.Actor = ActorFacts{Learning: ev.Time.Sub(a.firstSeen) < b.cfg.Learning,
		KnownASN: a.asns.get(ev.Source.ASN).known(ev.Time, b.cfg.Forget), KnownASNs: len(a.asns),
		HistoryDays: int(ev.Time.Sub(a.firstSeen).Hours() / 24)}
	if slices.Contains(useActions, ev.Action) {
		f.Actor.Window = a.window.facts(ev, key, b.cfg.Window)
	}
}

func (b *Baselines) credentialFacts(p *profile, ev *event.Event, f *Facts) {
	forget := b.cfg.Forget
	f.CredentialLearning = p.uses == 0 || ev.Time.Sub(p.firstSeen.time()) < b.cfg.Learning
	if p.uses > 0 {
		f.HistoryDays = int(ev.Time.Sub(p.firstSeen.time()).Hours() / 24)
	}
	f.IdleDays = b.idleDays(p, ev)
	f.Uses = int(p.uses)
	f.KnownASNs = len(p.asns)
	var country stat
	if c, ok := countryKey(ev.Source.Country); ok {
		country = p.countries.get(c)
	}
	agent := p.agents.get(familyKey(agentFamily(ev.Source.UserAgent)))
	f.FirstSeen = FirstSeen{
		ASN:      ev.Source.ASN != 0 && !p.asns.get(ev.Source.ASN).known(ev.Time, forget),
		Country:  ev.Source.Country != "" && !country.known(ev.Time, forget),
		UAFamily: ev.Source.UserAgent != "" && !agent.known(ev.Time, forget),
	}
	f.Profile = Profile{ASN: frequency(p.asns.get(ev.Source.ASN).count, p.uses),
		Country: frequency(country.count, p.uses), UAFamily: frequency(agent.count, p.uses)}
	if g := p.lastGeo; g.at != 0 && ev.Source.HasGeo && !ev.Source.Internal {
		km := geo.DistanceKM(float64(g.lat), float64(g.lon), ev.Source.Lat, ev.Source.Lon)
		hours := math.Max(math.Abs(ev.Time.Sub(geoTime(g.at)).Hours()), 1.0/60) // a minute at least
		f.Travel = &Travel{KM: math.Round(km), Hours: round1(hours), SpeedKMH: math.Round(km / hours),
			FromCountry: string(g.country[:]), ToCountry: ev.Source.Country}
	}
}

// idleDays are the whole days since the credential's last use; for one
// never used, since it was created (as far as the engine watched: a token
// created before the engine started is idle since the start). Unknown
// creation means no idleness to speak of.
func (b *Baselines) idleDays(p *profile, ev *event.Event) int {
	since := p.lastSeen.time()
	if p.uses == 0 {
		since = p.created.time()
		if c := ev.Token.CreatedAt; !c.IsZero() && (since.IsZero() || c.Before(since)) {
			since = c
		}
		started := b.networks.Started()
		if since.IsZero() || started.IsZero() {
			return 0
		}
		since = maxTime(since, started)
	}
	return max(int(ev.Time.Sub(since).Hours()/24), 0)
}

// frequency profiles a value by its share of the credential's uses.
func frequency(count, uses uint32) string {
	switch share := float64(count) / float64(max(uses, 1)); {
	case count == 0:
		return "UNSEEN"
	case share < 0.01:
		return "RARE"
	case share < 0.10:
		return "INFREQUENT"
	}
	return "FREQUENT"
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
