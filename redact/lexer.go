package redact

import "bytes"

// lexer tracks whether a position of JSON text is inside a string. It only
// moves forward.
type lexer struct {
	pos int
	in  bool
}

// inString reports whether b[i] is inside a string (a quote at i counts as
// outside when it opens one).
func (l *lexer) inString(b []byte, i int) bool {
	for ; l.pos < i; l.pos++ {
		switch c := b[l.pos]; {
		case l.in && c == '\\':
			l.pos++
		case c == '"':
			l.in = !l.in
		}
	}
	return l.in
}

// looksLikeJSON reports whether b starts as a JSON object or array does.
func looksLikeJSON(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{', '[':
			return true
		}
		return false
	}
	return false
}

// punctuation reports whether b is only JSON structure and space.
func punctuation(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n', ',', ':', '{', '}', '[', ']':
		default:
			return false
		}
	}
	return true
}

// quotedEnd returns the end of the string whose text starts at b[i] and
// which q closes: escapes are skipped whole, and an unescaped '"' ends it
// whatever q is, since it ends the JSON string around it. An unterminated
// string (a truncated message) runs to the end.
func quotedEnd(b []byte, i int, q []byte) int {
	for i < len(b) {
		switch {
		case b[i] == '\\' && len(q) == 2 && i+1 < len(b) && b[i+1] == '"':
			return i
		case b[i] == '\\':
			i += 2
		case b[i] == '"' || b[i] == q[0]:
			return i
		default:
			i++
		}
	}
	return len(b)
}

// bareEnd returns the end of an unquoted value starting at b[i].
func bareEnd(b []byte, i int) int {
	for ; i < len(b); i++ {
		switch b[i] {
		case ' ', '\t', '\r', '\n', '"', '\'', ',', ';', '&', '\\', '}', ']':
			return i
		}
	}
	return len(b)
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// scheme reports whether v is an HTTP authorization scheme, which stays
// readable in "Authorization: Bearer <secret>".
func scheme(v []byte) bool {
	for _, s := range [...]string{"bearer", "basic", "token", "digest", "negotiate", "apikey"} {
		if bytes.EqualFold(v, []byte(s)) {
			return true
		}
	}
	return false
}
