package detect

import (
	"hash/maphash"
	"slices"
	"time"
)

// sweepEvery is how often, in event time, the baselines give back what
// aged out.
const sweepEvery = time.Hour

// tombKeep is how long a forgotten credential's uses are remembered: long
// enough for a token dormant past the forget horizon to wake as dormant.
const tombKeep = 400 * 24 * time.Hour

// tomb is what a credential forgotten after the forget horizon leaves: its
// first and last use (minutes, as stat.last), how many uses, and its
// networks with their counts — a dormant token waking on one of its old
// networks is judged as one that did.
type tomb struct {
	first, last int32
	uses        uint32
	asns        stats[uint32]
}

func tombOf(p *profile) tomb {
	return tomb{first: minuteOf(p.firstSeen.time()), last: minuteOf(p.lastSeen.time()), uses: p.uses, asns: p.asns}
}

// maybeSweep sweeps once the watermark moved sweepEvery past the last sweep.
func (b *Baselines) maybeSweep() {
	if b.newest.Sub(b.swept) < sweepEvery {
		return
	}
	if !b.swept.IsZero() {
		b.sweep(b.newest)
	}
	b.swept = b.newest
}

// sweep releases the windows of idle credentials and actors, and forgets
// credentials with no event within the forget horizon: each leaves a tomb
// (its uses), and nothing else it knew would still count as known.
func (b *Baselines) sweep(now time.Time) {
	idle, forget := now.Add(-b.cfg.Window), minuteOf(now.Add(-b.cfg.Forget))
	for k, p := range b.creds {
		if p.touched < forget {
			if p.uses > 0 {
				b.tombs[k] = tombOf(p)
			}
			delete(b.creds, k)
			continue
		}
		p.window.expire(idle)
	}
	for _, a := range b.actors {
		a.window.expire(idle)
	}
	for k, c := range b.crossings {
		if c.last < forget {
			delete(b.crossings, k)
		}
	}
	for k, c := range b.crossers {
		if c.last < forget {
			delete(b.crossers, k)
		}
	}
	b.sweepInstanceNetworks(forget)
	keep := minuteOf(now.Add(-tombKeep))
	for k, t := range b.tombs {
		if t.last < keep {
			delete(b.tombs, k)
		}
	}
}

// credKey is a credential id as the key of its profile or tomb: keeping
// the id itself would cost as much again as the rest of a small profile.
func (b *Baselines) credKey(id string) uint64 { return maphash.String(b.seed, id) }

// revived is the profile a forgotten credential's tomb stands for (nil
// when there is none): its uses and networks, nothing else it knew.
func (b *Baselines) revived(key uint64) *profile {
	t, ok := b.tombs[key]
	if !ok {
		return nil
	}
	return &profile{firstSeen: stampOf(timeOfMinute(t.first)), lastSeen: stampOf(timeOfMinute(t.last)), uses: t.uses,
		asns: slices.Clone(t.asns)}
}
