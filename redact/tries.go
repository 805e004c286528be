package redact

import (
	"math"
	"slices"
)

// anchored tries rule ri at an anchor starting at start.
func (s *scan) anchored(ri int32, start int) {
	r := &s.c.rules[ri]
	end := min(len(s.b), start+r.width)
	if r.pre != nil && !r.pre(s.b[start:end]) {
		return
	}
	if r.capped && s.overspent(r.slot, end-start) {
		// Tries keep reading far and failing: one unanchored pass over the
		// rest costs less than continuing.
		if s.spent[r.slot] == math.MaxInt32 {
			return
		}
		s.spent[r.slot] = math.MaxInt32
		from := max(start-1, 0)
		for _, loc := range r.free.FindAllSubmatchIndex(s.b[from:], -1) {
			s.add(ri, from, loc, loc[0])
		}
		return
	}
	if start == 0 {
		if loc := r.first.FindSubmatchIndex(s.b[:end]); loc != nil {
			s.add(ri, 0, loc, 0)
		}
	} else if loc := r.after.FindSubmatchIndex(s.b[start-1 : end]); loc != nil {
		s.add(ri, start-1, loc, 1)
	}
}

// overspent charges n bytes to a capped rule and reports whether its tries
// have read more than a few times the text.
func (s *scan) overspent(slot int32, n int) bool {
	if s.spent[slot] == math.MaxInt32 {
		return true
	}
	s.spent[slot] += int32(n)
	return int(s.spent[slot]) > 2*len(s.b)+4*maxWidthCap
}

// around runs an unanchored rule on windows around its keywords.
func (s *scan) around(ri int32, hits []hit) {
	r := &s.c.rules[ri]
	lo, hi := -1, -1
	flush := func() {
		if hi > lo {
			for _, loc := range r.free.FindAllSubmatchIndex(s.b[lo:hi], -1) {
				s.add(ri, lo, loc, loc[0])
			}
		}
	}
	for _, h := range hits {
		if !slices.Contains(s.c.triggers[h.pat].gates, ri) {
			continue
		}
		from, to := max(0, int(h.end-s.c.triggers[h.pat].size)-r.width), min(len(s.b), int(h.end)+r.width)
		if from > hi {
			flush()
			lo = from
		}
		lo, hi = min(lo, from), max(hi, to)
	}
	flush()
}
