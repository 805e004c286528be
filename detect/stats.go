package detect

import "time"

// stat is how often and how lately a value was seen, in 8 bytes: a count
// and the minute of the newest sighting. A credential keeps a handful of
// them per kind of value, so their size is most of a credential's state.
type stat struct {
	count uint32
	last  int32 // minutes since the Unix epoch
}

func minuteOf(t time.Time) int32 { return int32(t.Unix() / 60) }

func timeOfMinute(m int32) time.Time { return time.Unix(int64(m)*60, 0).UTC() }

func (v stat) known(at time.Time, forget time.Duration) bool {
	return v.count > 0 && at.Sub(timeOfMinute(v.last)) <= forget
}

// stats are the values of one kind a profile saw, each with its stat: a
// short slice searched in order, smaller than a map for the few values a
// credential or actor uses.
type stats[K comparable] []keyedStat[K]

type keyedStat[K comparable] struct {
	key K
	stat
}

// get is k's stat (zero when never seen).
func (s stats[K]) get(k K) stat {
	for i := range s {
		if s[i].key == k {
			return s[i].stat
		}
	}
	return stat{}
}

// add counts k seen at.
func (s *stats[K]) add(k K, at time.Time) {
	m := minuteOf(at)
	for i := range *s {
		if v := &(*s)[i]; v.key == k {
			v.count++
			v.last = max(v.last, m)
			return
		}
	}
	*s = append(*s, keyedStat[K]{key: k, stat: stat{count: 1, last: m}})
}

// countryKey is an ISO 3166-1 alpha-2 code as a key; other texts have none
// (decoding normalises countries to the code).
func countryKey(c string) (key [2]byte, ok bool) {
	if len(c) != 2 {
		return key, false
	}
	return [2]byte{c[0], c[1]}, true
}

// familyKey is a user-agent family as a 64-bit FNV-1a hash: the family is a
// substring of the agent, and keeping it would keep the whole agent text.
func familyKey(ua string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(ua); i++ {
		h ^= uint64(ua[i])
		h *= 1099511628211
	}
	return h
}

// stamp is an instant in Unix milliseconds, 0 for none: a third of a
// time.Time, for the instants every credential keeps.
type stamp int64

func stampOf(t time.Time) stamp {
	if t.IsZero() {
		return 0
	}
	return stamp(t.UnixMilli())
}

// time is s as a time (the zero time for none).
func (s stamp) time() time.Time {
	if s == 0 {
		return time.Time{}
	}
	return time.UnixMilli(int64(s)).UTC()
}
