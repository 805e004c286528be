package detect

import (
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// BaselineConfig tunes the per-credential baselines.
type BaselineConfig struct {
	Learning time.Duration // first-seen facts stay quiet this long after a credential appears
}

// Baselines keeps what each credential normally looks like, learned in
// event-time order. Not safe for concurrent use (one per partition).
type Baselines struct {
	cfg      BaselineConfig
	profiles map[string]*profile
}

// profile is one credential's history.
type profile struct {
	firstSeen, lastSeen time.Time
	uses                int
	asns                map[uint32]int
	countries, agents   map[string]int
	lastGeo             *geoUse
}

type geoUse struct {
	lat, lon float64
	country  string
	at       time.Time
}

// NewBaselines returns empty baselines.
func NewBaselines(cfg BaselineConfig) *Baselines {
	if cfg.Learning <= 0 {
		cfg.Learning = 7 * 24 * time.Hour
	}
	return &Baselines{cfg: cfg, profiles: map[string]*profile{}}
}

// Observe learns from ev after it was judged. A token bound to a workload
// never learns an off-platform network as normal.
func (b *Baselines) Observe(ev *event.Event) {
	cred := ev.Credential()
	if cred == "" || ev.Outcome != "success" {
		return
	}
	p := b.profiles[cred]
	if p == nil {
		p = &profile{firstSeen: ev.Time, asns: map[uint32]int{}, countries: map[string]int{}, agents: map[string]int{}}
		b.profiles[cred] = p
	}
	p.uses++
	p.lastSeen = maxTime(p.lastSeen, ev.Time)
	if ev.Token.Workload != "" && !ev.Source.Internal {
		return
	}
	if ev.Source.ASN != 0 {
		p.asns[ev.Source.ASN]++
	}
	if ev.Source.Country != "" {
		p.countries[ev.Source.Country]++
	}
	if f := agentFamily(ev.Source.UserAgent); f != "" {
		p.agents[f]++
	}
	if ev.Source.HasGeo && !ev.Source.Internal {
		p.lastGeo = &geoUse{lat: ev.Source.Lat, lon: ev.Source.Lon, country: ev.Source.Country, at: ev.Time}
	}
}

// agentFamily is the product token of a user agent ("huggingface_hub/0.26" →
// "huggingface_hub", "Mozilla/5.0 (...)" → "Mozilla").
func agentFamily(ua string) string {
	if i := strings.IndexAny(ua, "/ ("); i >= 0 {
		return ua[:i]
	}
	return ua
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
