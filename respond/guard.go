package respond

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Guardrails hold back what the policy would do automatically.
type Guardrails struct {
	DryRun           bool     // record decisions, send nothing
	DryRunTenants    []string // tenants kept in dry-run when DryRun is off
	AllowCredentials []string // never revoked automatically
	AllowTenants     []string // never revoked automatically
	TenantCap        int      // automatic revocations per tenant per Window (default 5)
	GlobalCap        int      // automatic revocations in all per Window (default 20)
	Window           time.Duration
}

// Defaults fills in caps of 5 per tenant and 20 in all per 10 minutes.
func (g Guardrails) Defaults() Guardrails {
	if g.TenantCap <= 0 {
		g.TenantCap = 5
	}
	if g.GlobalCap <= 0 {
		g.GlobalCap = 20
	}
	if g.Window <= 0 {
		g.Window = 10 * time.Minute
	}
	return g
}

// Guard applies Guardrails: it counts automatic revocations in a sliding
// window and opens a circuit when a cap is reached. Safe for concurrent use.
type Guard struct {
	cfg    Guardrails
	killed atomic.Bool

	mu      sync.Mutex
	tenants map[string][]time.Time
	global  []time.Time
	open    bool   // the circuit is open: automatic revocations wait for approval
	opener  string // the tenant whose cap opened it, "" for the global cap
}

// NewGuard starts with no revocations counted.
func NewGuard(cfg Guardrails) *Guard {
	return &Guard{cfg: cfg.Defaults(), tenants: map[string][]time.Time{}}
}

// SetKilled flips the kill switch: while on, nothing is revoked automatically.
func (g *Guard) SetKilled(on bool) { g.killed.Store(on) }

// Killed reports the kill switch.
func (g *Guard) Killed() bool { return g.killed.Load() }

// DryRun reports whether tenant's decisions are only recorded.
func (g *Guard) DryRun(tenant string) bool {
	return g.cfg.DryRun || slices.Contains(g.cfg.DryRunTenants, tenant)
}

// Allowed reports why an automatic revocation of credential in tenant is
// allow-listed, or "".
func (g *Guard) Allowed(tenant, credential string) string {
	switch {
	case slices.Contains(g.cfg.AllowCredentials, credential):
		return "credential " + credential + " is allow-listed"
	case slices.Contains(g.cfg.AllowTenants, tenant):
		return "tenant " + tenant + " is allow-listed"
	}
	return ""
}

// Counts are the automatic revocations in the window ending at now.
func (g *Guard) Counts(tenant string, now time.Time) (inTenant, inAll int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.expire(now)
	return len(g.tenants[tenant]), len(g.global)
}

// Admit counts one automatic revocation in tenant at now, or refuses it
// with the reason when a cap is reached. opened is true for the refusal
// that opened the circuit (it stays open until the window of the cap that
// opened it has room: other tenants' revocations do not close it).
func (g *Guard) Admit(tenant string, now time.Time) (refused string, opened bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if refused, opened = g.full(tenant, now); refused == "" {
		g.tenants[tenant] = append(g.tenants[tenant], now)
		g.global = append(g.global, now)
	}
	return refused, opened
}

// refuse is Admit for a revocation the policy already held at a cap: it
// counts nothing, and opens the circuit when a cap is indeed reached.
func (g *Guard) refuse(tenant string, now time.Time) (opened bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	_, opened = g.full(tenant, now)
	return opened
}

// full says why a cap refuses an automatic revocation in tenant at now, or
// "", opening the circuit on a refusal when it is closed; g.mu is held.
func (g *Guard) full(tenant string, now time.Time) (refused string, opened bool) {
	g.expire(now)
	scope := ""
	switch {
	case len(g.global) >= g.cfg.GlobalCap:
		refused = fmt.Sprintf("circuit open: %d automatic revocations in the last %s (cap %d)", len(g.global), g.cfg.Window, g.cfg.GlobalCap)
	case len(g.tenants[tenant]) >= g.cfg.TenantCap:
		refused = fmt.Sprintf("circuit open: %d automatic revocations in tenant %s in the last %s (cap %d)",
			len(g.tenants[tenant]), tenant, g.cfg.Window, g.cfg.TenantCap)
		scope = tenant
	default:
		return "", false
	}
	if !g.open {
		g.open, g.opener, opened = true, scope, true
	}
	return refused, opened
}

// Caps are the configured caps and window, for the policy's input.
func (g *Guard) Caps() (tenant, global int, window time.Duration) {
	return g.cfg.TenantCap, g.cfg.GlobalCap, g.cfg.Window
}

// expire drops counts older than the window.
func (g *Guard) expire(now time.Time) {
	cut := now.Add(-g.cfg.Window)
	keep := func(ts []time.Time) []time.Time {
		i := 0
		for i < len(ts) && !ts[i].After(cut) {
			i++
		}
		return ts[i:]
	}
	g.global = keep(g.global)
	for t, ts := range g.tenants {
		if ts = keep(ts); len(ts) == 0 {
			delete(g.tenants, t)
		} else {
			g.tenants[t] = ts
		}
	}
	if g.open && (g.opener == "" && len(g.global) < g.cfg.GlobalCap ||
		g.opener != "" && len(g.tenants[g.opener]) < g.cfg.TenantCap) {
		g.open = false // the window of the cap that opened it has room
	}
}
