package decode

import (
	"math"
	"time"
	"unsafe"

	"github.com/credwatch/credwatch/event"
)

// Values for the fast path: each refuses what the general path would judge.

// required reads a non-empty string of at most max characters.
func (s *fastScan) required(max int) string {
	t := s.text(max)
	if t == "" {
		s.fail()
	}
	return t
}

// enum reads a string that is empty or one of set.
func (s *fastScan) enum(set []string, max int) string {
	t := s.text(max)
	if t != "" && !event.OneOf(t, set) {
		s.fail()
	}
	return t
}

// time reads an RFC 3339 time, kept to the millisecond, in UTC; an empty
// string is the zero time unless required.
func (s *fastScan) time(required bool) time.Time {
	r := s.raw()
	if len(r) == 0 || len(r) > 64 {
		if required || len(r) > 64 {
			s.fail()
		}
		return time.Time{}
	}
	t, err := parseRFC3339(unsafe.String(&r[0], len(r)))
	if err != nil || !carriable(t) {
		s.fail()
	}
	return t.UTC().Truncate(time.Millisecond)
}

// number reads a finite JSON number, as the general path's parser does.
func (s *fastScan) number() float64 {
	s.spaces()
	j := s.i
	for j < len(s.b) && !isDelimiter(s.b[j]) {
		j++
	}
	lit := s.b[s.i:j]
	if !validNumber(lit) {
		s.fail()
		return 0
	}
	s.i = j
	f := jsonFloat(lit)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		s.fail()
	}
	return f
}
