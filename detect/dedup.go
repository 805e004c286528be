package detect

import (
	"slices"
	"strings"
	"time"
)

// alertKey groups alerts.
type alertKey struct{ rule, credential, tenant string }

// Deduper folds matches into one alert per key within a window of event time.
type Deduper struct {
	window time.Duration
	open   map[alertKey]*Alert
	closed []*Alert
	forget bool      // drop alerts whose window has passed instead of keeping them
	newest time.Time // newest match seen, for forgetting
	adds   int
}

// NewDeduper groups matches that arrive within window of the group's first.
func NewDeduper(window time.Duration) *Deduper {
	return &Deduper{window: window, open: map[alertKey]*Alert{}}
}

// Add folds a match in and says what changed: a new alert, an escalation
// (a higher severity is never swallowed) or more evidence.
func (d *Deduper) Add(m *Alert) Update {
	k := alertKey{m.Rule, m.Credential, m.Tenant}
	d.newest = maxTime(d.newest, m.LastSeen)
	if d.adds++; d.forget && d.adds%1024 == 0 {
		d.forgetBefore(d.newest.Add(-2 * d.window))
	}
	a := d.open[k]
	if a == nil || m.FirstSeen.Sub(a.FirstSeen) > d.window {
		if a != nil && !d.forget {
			d.closed = append(d.closed, a)
		}
		m.ID = alertID(m.Rule, m.Tenant, m.Credential, m.EventIDs[0])
		m.Revision = 1
		d.open[k] = m
		return Update{Kind: UpdateNew, Alert: m.Snapshot()}
	}
	a.Revision++
	a.Count++
	a.FirstSeen = minTime(a.FirstSeen, m.FirstSeen)
	a.LastSeen = maxTime(a.LastSeen, m.LastSeen)
	if len(a.EventIDs) < MaxEvidence {
		a.EventIDs = append(a.EventIDs, m.EventIDs...)
	}
	kind := UpdateEvidence
	if rank(m.Severity) > rank(a.Severity) {
		a.Severity, a.Explanation, kind = m.Severity, m.Explanation, UpdateEscalated
	}
	if a.Suppressed && !m.Suppressed {
		// A match outside the suppression's scope lifts the mark.
		a.Suppressed, a.Suppression, kind = false, nil, UpdateEscalated
	}
	return Update{Kind: kind, Alert: a.Snapshot()}
}

// All returns every alert, closed and open, by first seen.
func (d *Deduper) All() []*Alert {
	out := append([]*Alert(nil), d.closed...)
	for _, a := range d.open {
		out = append(out, a)
	}
	slices.SortFunc(out, func(a, b *Alert) int {
		if c := a.FirstSeen.Compare(b.FirstSeen); c != 0 {
			return c
		}
		return strings.Compare(a.Rule+a.Credential, b.Rule+b.Credential)
	})
	return out
}

func rank(severity string) int { return slices.Index(Severities, severity) }

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// forgetBefore drops open groups whose last match is older than t.
func (d *Deduper) forgetBefore(t time.Time) {
	for k, a := range d.open {
		if a.LastSeen.Before(t) {
			delete(d.open, k)
		}
	}
}
