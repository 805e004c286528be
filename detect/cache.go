package detect

import (
	"hash/maphash"

	"github.com/credwatch/credwatch/event"
)

// decisionCache remembers inputs (by their values at a guard's paths) for
// which a rule was quiet. Keys are compared exactly, never by hash alone.
// When full it starts over, counting the reset.
type decisionCache struct {
	capacity   int
	size       int
	seed       maphash.Seed
	entries    map[uint64][][]any
	Hits, Miss int
	Resets     int
}

func newDecisionCache(capacity int) *decisionCache {
	return &decisionCache{capacity: capacity, seed: maphash.MakeSeed(), entries: map[uint64][][]any{}}
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

// quiet reports whether vals were recorded as quiet.
func (c *decisionCache) quiet(vals []any, h uint64) bool {
	for _, e := range c.entries[h] {
		if sameValues(e, vals) {
			c.Hits++
			return true
		}
	}
	c.Miss++
	return false
}

// remember records vals as quiet.
func (c *decisionCache) remember(vals []any, h uint64) {
	if c.size >= c.capacity {
		c.entries, c.size = map[uint64][][]any{}, 0
		c.Resets++
	}
	c.entries[h] = append(c.entries[h], vals)
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
