package detect

import (
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
)

// crosser is one principal's crossings out of one tenant into any other,
// with the tenants crossed into (to maxCrosserTenants).
type crosser struct {
	crossing
	tenants [maxCrosserTenants]uint32
	n       uint8
}

// observeCrossing learns a successful use across tenants of what is
// private there (a private resource, a secret's value) by an actor who is
// not a member of the tenant used. A member's use crosses no line, and a
// public resource is everyone's: learning either would let a thief of the
// token pass as established.
func (b *Baselines) observeCrossing(ev *event.Event) {
	private := ev.Resource.Visibility == "private" || ev.Action == "secret.read"
	if !private || ev.Outcome != "success" || slices.ContainsFunc(ev.Actor.Tenants, func(t string) bool { return sameTenant(t, ev.Tenant) }) {
		return
	}
	k, ok := b.crossingKeysOf(ev)
	if !ok {
		return
	}
	b.addCrossing(k, ev.Time)
}

// containsTenant reports whether w crossed into tenant (a tenant's hash).
func containsTenant(w *crosser, tenant uint32) bool {
	return slices.Contains(w.tenants[:w.n], tenant)
}

// crossingFacts are ev's crossing facts, nil when it crosses no line.
func (b *Baselines) crossingFacts(ev *event.Event) *CrossingFacts {
	k, ok := b.crossingKeysOf(ev)
	if !ok {
		return nil
	}
	f := &CrossingFacts{}
	learning, forget := b.cfg.Learning, b.cfg.Forget
	if c, seen := b.crossings[k.pair]; seen && ev.Time.Sub(timeOfMinute(c.last)) <= forget {
		f.Days, f.HistoryDays = int(c.days), max(int(ev.Time.Sub(timeOfMinute(c.first))/(24*time.Hour)), 0)
		f.Established = c.established(ev.Time, learning, forget)
	}
	if w := b.crossers[k.principal]; w != nil {
		f.Tenants = int(w.n)
		f.Established = f.Established || (w.n >= minWideTenants && w.established(ev.Time, learning, forget))
	}
	return f
}
