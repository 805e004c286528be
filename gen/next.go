package gen

import (
	"hash/fnv"
	"strconv"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Next fills ev with the next event (all fields reset) and returns its time.
// Reuse ev across calls: the generator then allocates little. ev's slices are
// shared with the world: read them, do not modify them.
func (g *Generator) Next(ev *event.Event) time.Time {
	t := g.arrival()
	g.planUntil(t)
	if g.q.due(t) {
		g.q.pop(ev)
		if g.hasAt || ev.Time.Before(g.now) {
			ev.Time = t
		}
	} else {
		g.benign(ev, t)
		ev.Time = t
		g.hasNext = false
	}
	g.hasAt = false
	g.now = ev.Time
	return g.finish(ev)
}

// arrival is when the next event is due: At's time, else the next benign arrival.
func (g *Generator) arrival() time.Time {
	if g.hasAt {
		return g.at
	}
	if !g.hasNext {
		g.next = g.now.Add(gap(g.now, g.rate, g.rng))
		g.hasNext = true
	}
	return g.next
}

// planUntil has the scenarios plan every window up to and including t's. A
// jump of more than a day (At) skips the windows in between.
func (g *Generator) planUntil(t time.Time) {
	if t.Sub(g.planned) > 24*time.Hour {
		g.planned = t
	}
	for !t.Before(g.planned) {
		end := g.planned.Add(planWindow)
		for i := range g.plans {
			p := &g.plans[i]
			for _, ev := range p.s.Plan(g.w, p.rng, g.planned, end) {
				if p.lags {
					g.exemptRevocation(&ev)
				}
				g.q.push(ev)
			}
		}
		g.planned = end
	}
}

// finish gives ev its id, a default outcome and its time to the millisecond.
func (g *Generator) finish(ev *event.Event) time.Time {
	g.seq++
	if ev.ID == "" {
		g.id = strconv.AppendUint(g.id[:g.idLen], g.seq, 10)
		ev.ID = string(g.id)
	}
	if ev.Outcome == "" {
		ev.Outcome = "success"
	}
	g.refuseRevoked(ev)
	ev.Time = ev.Time.UTC().Truncate(time.Millisecond)
	return ev.Time
}

// nameKey is the random stream of the scenario called name.
func nameKey(name string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(name))
	return h.Sum64()
}
