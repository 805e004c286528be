package redact

import (
	"unicode/utf16"
	"unicode/utf8"
)

// unescape appends to dst the text of b with every JSON string escape
// decoded, wherever it occurs and whether or not b is valid JSON: \uXXXX
// (surrogate pairs joined), \n, \t, \", \\, \/ and the rest. An escape that
// is not valid is kept as it is.
func unescape(dst, b []byte) []byte {
	for i := 0; i < len(b); {
		c := b[i]
		if c != '\\' || i+1 == len(b) {
			dst = append(dst, c)
			i++
			continue
		}
		switch e := b[i+1]; e {
		case 'u':
			r, n := unicodeEscape(b[i:])
			if n == 0 {
				dst = append(dst, c)
				i++
				continue
			}
			dst = utf8.AppendRune(dst, r)
			i += n
			continue
		case 'n':
			dst = append(dst, '\n')
		case 't':
			dst = append(dst, '\t')
		case 'r':
			dst = append(dst, '\r')
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case '"', '\\', '/':
			dst = append(dst, e)
		default:
			dst = append(dst, c, e)
		}
		i += 2
	}
	return dst
}

// unicodeEscape decodes the \uXXXX (or surrogate pair) at the start of b and
// returns it with its length, or 0 when it is not one.
func unicodeEscape(b []byte) (rune, int) {
	r, ok := hex4(b)
	if !ok {
		return 0, 0
	}
	if utf16.IsSurrogate(r) {
		if lo, ok := hex4(b[6:]); ok && len(b) >= 12 && b[6] == '\\' {
			if p := utf16.DecodeRune(r, lo); p != utf8.RuneError {
				return p, 12
			}
		}
		return utf8.RuneError, 6
	}
	return r, 6
}

// hex4 reads the four hex digits of a \uXXXX at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 6 || b[0] != '\\' || b[1] != 'u' {
		return 0, false
	}
	var r rune
	for _, c := range b[2:6] {
		d, ok := unhex(c)
		if !ok {
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}
