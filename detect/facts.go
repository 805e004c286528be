package detect

import (
	"math"

	"github.com/credwatch/credwatch/event"
)

// Facts are what the engine knows about an event's credential before the
// event, handed to every rule as input.context so rules stay pure.
type Facts struct {
	Learning    bool              `json:"learning"`
	HistoryDays int               `json:"history_days"`
	Uses        int               `json:"uses"`
	IdleDays    float64           `json:"idle_days"`
	FirstSeen   map[string]bool   `json:"first_seen"` // asn, country, ua_family
	Profile     map[string]string `json:"profile"`    // asn, country: UNSEEN|RARE|INFREQUENT|FREQUENT
	KnownASNs   int               `json:"known_asns"`
	Travel      *Travel           `json:"travel,omitempty"`
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
	p := b.profiles[ev.Credential()]
	f := Facts{FirstSeen: map[string]bool{}, Profile: map[string]string{}}
	if p == nil {
		f.Learning = true
		f.Profile["asn"], f.Profile["country"] = "UNSEEN", "UNSEEN"
		return f
	}
	f.Learning = ev.Time.Sub(p.firstSeen) < b.cfg.Learning
	f.HistoryDays = int(ev.Time.Sub(p.firstSeen).Hours() / 24)
	f.Uses = p.uses
	f.IdleDays = math.Max(ev.Time.Sub(p.lastSeen).Hours()/24, 0)
	f.KnownASNs = len(p.asns)
	f.FirstSeen["asn"] = ev.Source.ASN != 0 && p.asns[ev.Source.ASN] == 0
	f.FirstSeen["country"] = ev.Source.Country != "" && p.countries[ev.Source.Country] == 0
	f.FirstSeen["ua_family"] = ev.Source.UserAgent != "" && p.agents[agentFamily(ev.Source.UserAgent)] == 0
	f.Profile["asn"] = frequency(p.asns[ev.Source.ASN], p.uses)
	f.Profile["country"] = frequency(p.countries[ev.Source.Country], p.uses)
	if g := p.lastGeo; g != nil && ev.Source.HasGeo && !ev.Source.Internal {
		km := haversineKM(g.lat, g.lon, ev.Source.Lat, ev.Source.Lon)
		hours := math.Max(ev.Time.Sub(g.at).Hours(), 1.0/60) // a minute at least
		f.Travel = &Travel{KM: math.Round(km), Hours: round1(hours), SpeedKMH: math.Round(km / hours),
			FromCountry: g.country, ToCountry: ev.Source.Country}
	}
	return f
}

// frequency profiles a value by its share of the credential's uses.
func frequency(count, uses int) string {
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

// haversineKM is the great-circle distance.
func haversineKM(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dLat, dLon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
