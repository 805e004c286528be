package detect

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// UsedBeforeReport is, on a leak report, what the credential's state holds
// of its successful uses after the leak that arrived before the report:
// each was judged then without a leak context. The leak is the report's
// attrs.leaked_at, else its time (see leakTime). The state keeps the newest use
// and, per network and country, the newest minute it was used: no count of
// the uses since the leak, and nothing of denied or failed attempts.
type UsedBeforeReport struct {
	MinutesAfterLeak float64   `json:"minutes_after_leak"` // of the newest such use
	LastUse          time.Time `json:"last_use"`           // the newest such use
	ASN              uint32    `json:"asn,omitempty"`      // the network used last (to the minute)
	// ASNs and Countries were used since the leak (to the minute), newest
	// first, as far as the credential's profile holds them (a token bound to
	// a workload does not learn its off-platform networks).
	ASNs      []uint32 `json:"asns,omitempty"`
	Countries []string `json:"countries,omitempty"`
}

// usedBeforeReport is what p knows, when ev is a leak report that arms, of
// the uses since ev's leak that no earlier report covered: nil when the
// newest use came before the leak or more than the leak horizon after it
// (as a use after the report would be judged), or when it followed an armed
// report within the horizon (then it was raised, by itself or by that
// report, and raising it again would double the alert).
func (p *profile) usedBeforeReport(ev *event.Event) *UsedBeforeReport {
	if ev.Action != "token.leak_reported" || !reportArms(ev) || p.uses == 0 {
		return nil
	}
	last, leak := p.lastSeen.time(), leakTime(ev)
	if !follows(leak, last, leakHorizon) || (p.seq != nil && p.seq.leak.covers(last, leakHorizon)) {
		return nil
	}
	from := minuteOf(leak)
	u := &UsedBeforeReport{MinutesAfterLeak: round1(last.Sub(leak).Minutes()), LastUse: last,
		ASNs: usedSince(p.asns, from)}
	for _, c := range usedSince(p.countries, from) {
		u.Countries = append(u.Countries, string(c[:]))
	}
	if len(u.ASNs) > 0 {
		u.ASN = u.ASNs[0]
	}
	return u
}

// usedSince are the values of s last seen at or after the minute from,
// newest first (ties in value order of s).
func usedSince[K comparable](s stats[K], from int32) []K {
	var recent []keyedStat[K]
	for _, v := range s {
		if v.last >= from {
			recent = append(recent, v)
		}
	}
	slices.SortStableFunc(recent, func(a, b keyedStat[K]) int { return cmp.Compare(b.last, a.last) })
	var out []K
	for _, v := range recent {
		out = append(out, v.key)
	}
	return out
}

// leakTime is when a leak report says the credential leaked: its
// attrs.leaked_at (RFC 3339: when a scanner saw it exposed, before it
// reported it) when that is no later than the report and within the leak
// horizon before it; else the report's own time. RFC 3339's lower-case
// "t" and "z" and its space separator are read as well.
func leakTime(ev *event.Event) time.Time {
	s := strings.ToUpper(ev.Attrs["leaked_at"])
	if len(s) > 10 && s[10] == ' ' {
		s = s[:10] + "T" + s[11:]
	}
	at, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || at.After(ev.Time) || ev.Time.Sub(at) > leakHorizon {
		return ev.Time
	}
	return at
}
