package detect

import (
	"cmp"
	"math"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/geo"
)

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
	f.Sequence.UsedBeforeReport = p.usedBeforeReport(ev)
	f.Sequence.InstanceCommanded = b.instanceCommanded(ev)
	if ev.Action == "token.update_scopes" && p.scopes != nil {
		f.Scopes = &ScopeFacts{Previous: p.scopes, Added: addedScopes(p.scopes, ev.Token.Scopes)}
	}
	if slices.Contains(useActions, ev.Action) {
		f.Window = p.window.facts(ev, key, b.cfg.Window)
		f.Crossing = b.crossingFacts(ev)
	}
	f.Namespace = b.namespaceFacts(ev)
	f.Issued = issuedFacts(ev)
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
	known := a.asns.get(ev.Source.ASN).known(ev.Time, b.cfg.Forget)
	f.Actor = ActorFacts{Learning: ev.Time.Sub(a.firstSeen) < b.cfg.Learning, KnownASN: known, KnownASNs: len(a.asns),
		KnownUAFamily: a.agents.get(familyKey(agentFamily(ev.Source.UserAgent))).known(ev.Time, b.cfg.Forget),
		HistoryDays:   int(ev.Time.Sub(a.firstSeen).Hours() / 24)}
	if known {
		f.Actor.ASNHours = a.asnSince.hours(ev.Source.ASN, ev.Time)
	}
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
			FromCountry: string(g.country[:]), ToCountry: ev.Source.Country, SameNetwork: sameOperator(g.asn, ev.Source.ASN)}
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
