package gen

import "unicode/utf8"

// appendString appends s as a JSON string: '"', '\\' and control characters
// escaped, U+2028/U+2029 escaped for JavaScript, invalid UTF-8 as U+FFFD.
// Runs of 8 plain ASCII bytes are skipped a word at a time.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if i = skipPlain(s, i); i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c >= 0x20 && c != '"' && c != '\\' {
				continue
			}
			dst = appendEscape(append(dst, s[start:i-1]...), c)
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == '\u2028' || r == '\u2029' {
			dst = appendU(append(dst, s[start:i]...), r)
			start = i + size
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// Bytes of a 64-bit word, for skipPlain.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// skipPlain is the index past the 8-byte words of s from i on that need no
// escaping: ASCII, no control character, '"' or '\\'. (Byte-wise "has less
// than" and "has zero" tests: borrows only propagate from a matching byte.)
func skipPlain(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		q, b := x^(lsb*'"'), x^(lsb*'\\')
		if (x|(x-lsb*0x20)&^x|(q-lsb)&^q|(b-lsb)&^b)&msb != 0 {
			break
		}
	}
	return i
}

// appendEscape appends the JSON escape of ASCII byte c.
func appendEscape(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	}
	return appendU(dst, rune(c))
}

// appendU appends the \uXXXX escape of r, a rune of the Basic Multilingual Plane.
func appendU(dst []byte, r rune) []byte {
	const hex = "0123456789abcdef"
	return append(dst, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
}
