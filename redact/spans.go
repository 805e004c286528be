package redact

import (
	"bytes"
	"slices"
)

// add records the secret of match loc, found in s.b[off:]; whole is where
// the rule's own match starts within loc (after any context byte).
func (s *scan) add(ri int32, off int, loc []int, whole int) {
	r := &s.c.rules[ri]
	start, end := whole, loc[1]
	switch {
	case r.group > 0 && 2*r.group+1 < len(loc):
		start, end = loc[2*r.group], loc[2*r.group+1]
	case r.group < 0:
		for g := 2; g+1 < len(loc); g += 2 {
			if loc[g] >= 0 && loc[g+1] > loc[g] {
				start, end = loc[g], loc[g+1]
				break
			}
		}
	}
	if start < 0 || end <= start {
		return
	}
	if r.keyed && start > whole && metadataName(s.b, off+whole) {
		return
	}
	s.addSpan(ri, off+start, off+end)
}

func (s *scan) addSpan(ri int32, start, end int) {
	if (ri == s.c.field || ri == s.c.field+1) && placeholder(s.b[start:end]) {
		return // a name's value that stands for the secret: ${DB_PASSWORD}, ********
	}
	if end > start && !isReference(s.b, start, end) {
		s.spans = append(s.spans, span{int32(start), int32(end), ri})
	}
}

// isReference reports whether b[start:end] lies within a reference this
// package wrote, which is never redacted again.
func isReference(b []byte, start, end int) bool {
	const refLen = len(Prefix) + 16
	for at := max(0, start-refLen+1); at <= start; at++ {
		if end <= at+refLen && at+refLen <= len(b) && bytes.HasPrefix(b[at:], []byte(Prefix)) && isHex(b[at+len(Prefix):at+refLen]) {
			return true
		}
	}
	return false
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// merge sorts spans and joins overlapping ones; a joined span keeps the
// first rule of the catalogue among its parts.
func merge(spans []span) []span {
	slices.SortFunc(spans, func(a, b span) int { return int(a.start - b.start) })
	out := spans[:0]
	for _, sp := range spans {
		if n := len(out); n > 0 && sp.start < out[n-1].end {
			out[n-1].end = max(out[n-1].end, sp.end)
			out[n-1].rule = min(out[n-1].rule, sp.rule)
			continue
		}
		out = append(out, sp)
	}
	return out
}
