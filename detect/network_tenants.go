package detect

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// tenantNets are the networks a tenant's members (every credential, every
// member) succeeded from, each with its newest use: what a credential or a
// member new to the engine is judged by. A tenant's members spread over
// every partition, so the table lives in the shared Networks.
type tenantNets struct {
	firstSeen time.Time
	asns      map[uint32]time.Time
	leak      tenantLeak
	commands  map[instanceOn]instanceCommand // within instanceCommandHorizon
}

// tenantRefresh is how stale a network's newest use may be before a newer
// one is written: the forget horizon is months, and the common case then
// takes no write lock.
const tenantRefresh = time.Hour

// Started is the oldest event observed: since when the detector watched.
func (n *Networks) Started() time.Time {
	n.mu.RLock()
	defer n.mu.RUnlock()
	return n.started
}

// TenantFacts are tenant's networks as of at: learning until it was watched
// for learning, whether asn was used within forget, and a leak report
// naming no credential within a day before at.
func (n *Networks) TenantFacts(tenant string, asn uint32, at time.Time, learning, forget time.Duration) TenantFacts {
	n.mu.RLock()
	defer n.mu.RUnlock()
	t := n.tenants[tenant]
	if t == nil {
		return TenantFacts{Learning: true}
	}
	last, ok := t.asns[asn]
	return TenantFacts{Learning: at.Sub(t.firstSeen) < learning, KnownASN: ok && at.Sub(last) <= forget,
		HistoryDays: int(at.Sub(t.firstSeen).Hours() / 24), LeakReported: t.leak.step(at)}
}

// observeWatch learns the watch start and ev's tenant network.
func (n *Networks) observeWatch(ev *event.Event) {
	n.observeUnnamedLeak(ev)
	n.observeInstanceCommand(ev)
	asn := tenantASN(ev)
	if n.watched(ev, asn) {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.started.IsZero() || ev.Time.Before(n.started) {
		n.started = ev.Time
	}
	if ev.Tenant == "" {
		return
	}
	t := n.tenantOf(ev)
	if asn != 0 {
		t.asns[asn] = maxTime(t.asns[asn], ev.Time)
	}
}

// watched reports, under the read lock, whether ev teaches nothing new.
func (n *Networks) watched(ev *event.Event, asn uint32) bool {
	n.mu.RLock()
	defer n.mu.RUnlock()
	if n.started.IsZero() || ev.Time.Before(n.started) {
		return false
	}
	if ev.Tenant == "" {
		return true
	}
	t := n.tenants[ev.Tenant]
	if t == nil || ev.Time.Before(t.firstSeen) {
		return false
	}
	return asn == 0 || ev.Time.Sub(t.asns[asn]) < tenantRefresh
}

// tenantASN is the network ev teaches its tenant: a member's success, a
// workload-bound token's only on the platform; 0 for none.
func tenantASN(ev *event.Event) uint32 {
	if ev.Outcome != "success" || ev.Action == "token.leak_reported" || (ev.Token.Workload != "" && !ev.Source.Internal) {
		return 0
	}
	return ev.Source.ASN
}
