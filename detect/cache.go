package detect

import (
	"hash/maphash"

	"github.com/credwatch/credwatch/event"
)

// decisionCache remembers a guard's outcome for inputs (by their values at
// the guard's paths). Keys are compared exactly, never by hash alone. When
// full it starts over, counting the reset.
type decisionCache struct {
	capacity   int
	size       int
	seed       maphash.Seed
	entries    map[uint64][]decision
	Hits, Miss int
	Resets     int
}

type decision struct {
	vals  []any
	holds bool
}

func newDecisionCache(capacity int) *decisionCache {
	return &decisionCache{capacity: capacity, seed: maphash.MakeSeed(), entries: map[uint64][]decision{}}
}

// key reads the values at the guard's paths and hashes them.
func (c *decisionCache) key(getters []getter, ev *event.Event, f *Facts) ([]any, uint64) {
	vals := make([]any, len(getters))
	var h maphash.Hash
	h.SetSeed(c.seed)
	for i, g := range getters {
		vals[i] = g.get(ev, f)
		maphash.WriteComparable(&h, vals[i])
	}
	return vals, h.Sum64()
}

// lookup is the recorded outcome for vals, if any.
func (c *decisionCache) lookup(vals []any, h uint64) (holds, found bool) {
	for _, e := range c.entries[h] {
		if sameValues(e.vals, vals) {
			c.Hits++
			return e.holds, true
		}
	}
	c.Miss++
	return false, false
}

// remember records the guard's outcome for vals.
func (c *decisionCache) remember(vals []any, h uint64, holds bool) {
	if c.size >= c.capacity {
		c.entries, c.size = map[uint64][]decision{}, 0
		c.Resets++
	}
	c.entries[h] = append(c.entries[h], decision{vals, holds})
	c.size++
}

func sameValues(a, b []any) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
