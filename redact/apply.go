package redact

import "slices"

// apply replaces spans (merged) in b and appends their kinds to kinds, in
// catalogue order and then text order; it returns b itself when no span
// holds anything to replace. Replacements keep JSON text valid: a
// piece never cuts an escape or removes a quote, and a piece outside any
// string (a bare number) becomes a quoted string.
func (r *Redactor) apply(b []byte, spans []span, kinds []string) ([]byte, []string) {
	jsonText := looksLikeJSON(b)
	out := make([]byte, 0, len(b)+len(spans)*len(Prefix))
	var lx lexer
	last, done := 0, spans[:0]
	for _, sp := range spans {
		replaced := false
		forPieces(b, int(sp.start), int(sp.end), func(start, end int) {
			replaced = true
			quote := jsonText && !lx.inString(b, start)
			out = append(out, b[last:start]...)
			if quote {
				out = append(out, '"')
			}
			out = append(out, r.Reference(b[start:end])...)
			if quote {
				out = append(out, '"')
			}
			last = end
		})
		if replaced {
			done = append(done, sp)
		}
	}
	if len(done) == 0 {
		return b, kinds
	}
	out = append(out, b[last:]...)
	slices.SortStableFunc(done, func(a, b span) int { return int(a.rule - b.rule) })
	for _, sp := range done {
		kinds = append(kinds, r.cat.rules[sp.rule].kind)
	}
	return out, kinds
}

// forPieces calls f on the parts of b[start:end] between unescaped quotes,
// with ends moved off the middle of escapes, skipping parts that are only
// JSON punctuation or space.
func forPieces(b []byte, start, end int, f func(start, end int)) {
	from := start
	for i := start; i <= end; i++ {
		if i < end && (b[i] != '"' || escaped(b, i)) {
			continue
		}
		lo, hi := escapeEnd(b, from), escapeStart(b, i)
		if lo < hi && !punctuation(b[lo:hi]) {
			f(lo, hi)
		}
		from = i + 1
	}
}

// escaped reports whether b[i] follows an odd run of backslashes.
func escaped(b []byte, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && b[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// escapeAt returns the start and end of the escape sequence covering b[i],
// or -1, -1 when b[i] is not inside one.
func escapeAt(b []byte, i int) (int, int) {
	for j := i; j >= max(0, i-5); j-- {
		if b[j] != '\\' || escaped(b, j) {
			continue
		}
		n := 2
		if j+1 < len(b) && b[j+1] == 'u' {
			n = 6
		}
		if i < j+n {
			return j, min(j+n, len(b))
		}
		return -1, -1
	}
	return -1, -1
}

// escapeEnd moves a start inside an escape to the escape's end.
func escapeEnd(b []byte, i int) int {
	if i < len(b) {
		if s, e := escapeAt(b, i); s >= 0 && s < i {
			return e
		}
	}
	return i
}

// escapeStart moves an end inside an escape (or after a lone backslash
// starting one) to the escape's start.
func escapeStart(b []byte, i int) int {
	if i > 0 {
		if s, e := escapeAt(b, i-1); s >= 0 && e > i {
			return s
		}
	}
	return i
}
