package detect

import (
	"slices"
	"time"
)

// Alert is one (rule, credential, tenant) group of matching events.
type Alert struct {
	Rule        string      `json:"rule"`
	Title       string      `json:"title"`
	Severity    string      `json:"severity"`
	Tier        string      `json:"tier"`
	Shadow      bool        `json:"shadow,omitempty"`
	Tenant      string      `json:"tenant"`
	Credential  string      `json:"credential"`
	FirstSeen   time.Time   `json:"first_seen"`
	LastSeen    time.Time   `json:"last_seen"`
	Count       int         `json:"count"`
	EventIDs    []string    `json:"event_ids"`
	Explanation Explanation `json:"explanation"`
}

// Explanation says why: the rule's reason and facts, and the baseline facts
// (observed vs normal) for the first matching event.
type Explanation struct {
	Reason      string         `json:"reason"`
	RuleFacts   map[string]any `json:"rule_facts,omitempty"`
	Baseline    Facts          `json:"baseline"`
	Description string         `json:"description"`
}

// alertKey groups alerts.
type alertKey struct{ rule, credential, tenant string }

// Deduper folds matches into one alert per key within a window of event time.
type Deduper struct {
	window time.Duration
	open   map[alertKey]*Alert
	closed []*Alert
}

// NewDeduper groups matches that arrive within window of the group's first.
func NewDeduper(window time.Duration) *Deduper {
	return &Deduper{window: window, open: map[alertKey]*Alert{}}
}

// Add folds a match in; it returns the alert and whether it is new or its
// severity rose (what a live pipeline must publish).
func (d *Deduper) Add(m *Alert) (*Alert, bool) {
	k := alertKey{m.Rule, m.Credential, m.Tenant}
	a := d.open[k]
	if a == nil || m.FirstSeen.Sub(a.FirstSeen) > d.window {
		if a != nil {
			d.closed = append(d.closed, a)
		}
		d.open[k] = m
		return m, true
	}
	a.Count++
	a.LastSeen = maxTime(a.LastSeen, m.LastSeen)
	a.EventIDs = append(a.EventIDs, m.EventIDs...)
	if rank(m.Severity) > rank(a.Severity) {
		a.Severity, a.Explanation = m.Severity, m.Explanation
		return a, true
	}
	return a, false
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
		return compareStrings(a.Rule+a.Credential, b.Rule+b.Credential)
	})
	return out
}

func rank(severity string) int { return slices.Index(Severities, severity) }

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
