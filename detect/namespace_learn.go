package detect

import (
	"time"

	"github.com/credwatch/credwatch/event"
)

// observeReach learns a service account's success, or refusal, on a secret
// outside its namespace.
func (b *Baselines) observeReach(ev *event.Event) {
	_, target, ok := namespacesOf(ev)
	denied := ev.Outcome == "denied"
	if !ok || (ev.Outcome != "success" && !denied) {
		return
	}
	k := b.reachKeysOf(ev, target, denied)
	b.addCrossing(k, ev.Time)
}

// addCrossing counts a crossing (or a reach) at t under k.
func (b *Baselines) addCrossing(k crossingKeys, t time.Time) {
	c := b.crossings[k.pair]
	c.add(t)
	b.crossings[k.pair] = c
	w := b.crossers[k.principal]
	if w == nil {
		w = &crosser{}
		b.crossers[k.principal] = w
	}
	w.add(t)
	if int(w.n) < len(w.tenants) && !containsTenant(w, k.tenant) {
		w.tenants[w.n], w.n = k.tenant, w.n+1
	}
}

// namespaceFacts are ev's namespace facts, nil unless a service account
// acted on a secret outside its namespace.
func (b *Baselines) namespaceFacts(ev *event.Event) *NamespaceFacts {
	home, target, ok := namespacesOf(ev)
	if !ok {
		return nil
	}
	f := &NamespaceFacts{Home: home, Target: target}
	learning, forget := b.cfg.Learning, b.cfg.Forget
	k := b.reachKeysOf(ev, target, false)
	if c, seen := b.crossings[k.pair]; seen && ev.Time.Sub(timeOfMinute(c.last)) <= forget {
		f.Days, f.Established = int(c.days), c.established(ev.Time, learning, forget)
	}
	if w := b.crossers[k.principal]; w != nil {
		f.Namespaces = int(w.n)
		wide := w.n >= minWideTenants || b.reachedAll(ev, w)
		f.Established = f.Established || (wide && w.established(ev.Time, learning, forget))
	}
	if c, seen := b.crossings[b.reachKeysOf(ev, target, true).pair]; seen && ev.Time.Sub(timeOfMinute(c.last)) <= forget {
		f.Denied = true
	}
	return f
}

// reachedAll reports whether w, ev's account's reaches, include a list
// across all namespaces: an account allowed that is a controller.
func (b *Baselines) reachedAll(ev *event.Event, w *crosser) bool {
	return containsTenant(w, b.reachKeysOf(ev, allNamespaces, false).tenant)
}
