package detect

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// unnamedLeakHorizon is how long a leak report that names no credential
// (GitHub's secret scanning alert names only the secret's type) keeps its
// tenant's credentials suspect: scrapers use what they find within minutes.
const unnamedLeakHorizon = 24 * time.Hour

// tenantLeak is a tenant's newest leak report naming no credential.
type tenantLeak struct {
	at      time.Time
	eventID string
}

// observeUnnamedLeak records ev when it reports a leak in its tenant
// without naming the credential (and does not say the leak was refused).
func (n *Networks) observeUnnamedLeak(ev *event.Event) {
	if ev.Action != "token.leak_reported" || ev.Token.ID != "" || ev.Tenant == "" || !reportArms(ev) {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	t := n.tenantOf(ev)
	if ev.Time.After(t.leak.at) {
		t.leak = tenantLeak{at: ev.Time, eventID: ev.ID}
	}
}

// tenantOf is ev's tenant's networks, created at ev's time; the caller
// holds the write lock.
func (n *Networks) tenantOf(ev *event.Event) *tenantNets {
	t := n.tenants[ev.Tenant]
	if t == nil {
		t = &tenantNets{firstSeen: ev.Time, asns: map[uint32]time.Time{}}
		n.tenants[ev.Tenant] = t
	}
	t.firstSeen = minTime(t.firstSeen, ev.Time)
	return t
}

// step is the leak report as a first step of an event at at, nil when there
// is none within the horizon before at.
func (l tenantLeak) step(at time.Time) *Step {
	if l.at.IsZero() || !follows(l.at, at, unnamedLeakHorizon) {
		return nil
	}
	return &Step{EventID: l.eventID, MinutesAgo: round1(at.Sub(l.at).Minutes())}
}
