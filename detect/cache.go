package detect

import (
	"hash/maphash"
	"math"
	"slices"

	"github.com/credwatch/credwatch/event"
)

// decisionCache remembers a guard's outcome for inputs (by their values at
// the guard's paths). Keys are compared exactly, never by hash alone. When
// full it starts over, counting the reset. Reading a key allocates nothing:
// the values go to a scratch slice, copied only when remembered.
type decisionCache struct {
	capacity   int
	size       int
	seed       maphash.Seed
	entries    map[uint64][]decision
	scratch    []keyVal
	Hits, Miss int
	Resets     int
}

type decision struct {
	vals []keyVal
	out  keyVal // a guard's outcome (a boolean), or a rule's value
}

func newDecisionCache(capacity int) *decisionCache {
	return &decisionCache{capacity: capacity, seed: maphash.MakeSeed(), entries: map[uint64][]decision{}}
}

// key reads the values at the guard's paths and hashes them. The values
// are valid until the next call.
func (c *decisionCache) key(getters []getter, ev *event.Event, f *Facts) ([]keyVal, uint64) {
	c.scratch = c.scratch[:0]
	h := uint64(len(getters))
	for i := range getters {
		v := getters[i].get(ev, f)
		c.scratch = append(c.scratch, v)
		h = mix(h ^ uint64(v.kind)<<56 ^ math.Float64bits(v.num))
		if v.str != "" {
			h = mix(h ^ maphash.String(c.seed, v.str))
		}
	}
	return c.scratch, h
}

// mix scrambles h (a multiply and a shift, as in splitmix64).
func mix(h uint64) uint64 {
	h *= 0x9e3779b97f4a7c15
	return h ^ h>>31
}

// lookup is the recorded outcome for vals, if any.
func (c *decisionCache) lookup(vals []keyVal, h uint64) (out keyVal, found bool) {
	for _, e := range c.entries[h] {
		if slices.Equal(e.vals, vals) {
			c.Hits++
			return e.out, true
		}
	}
	c.Miss++
	return keyVal{}, false
}

// remember records the outcome for vals (copied).
func (c *decisionCache) remember(vals []keyVal, h uint64, out keyVal) {
	if c.size >= c.capacity {
		c.entries, c.size = map[uint64][]decision{}, 0
		c.Resets++
	}
	c.entries[h] = append(c.entries[h], decision{slices.Clone(vals), out})
	c.size++
}
