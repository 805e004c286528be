package redact

import "bytes"

// decodeEscapes returns b with its percent escapes (%22, and '+' for a
// query's space) and the HTML entities of quotes, ampersands and angle
// brackets (&quot; &apos; &amp; &lt; &gt;, and any ASCII character
// reference: &#34; &#034; &#x22; &#34) decoded once;
// anything else stays. It is a view to search: at[i] is where the view's
// byte i starts in b (at[len(view)] is len(b)), so that what is found in
// the view is replaced where b spells it.
func decodeEscapes(b []byte) (view []byte, at []int32) {
	out := make([]byte, 0, len(b))
	at = make([]int32, 0, len(b)+1)
	for i := 0; i < len(b); {
		c, n := escapeAtText(b[i:])
		switch {
		case n > 0:
		case b[i] == '+':
			c, n = ' ', 1
		default:
			c, n = b[i], 1
		}
		out, at = append(out, c), append(at, int32(i))
		i += n
	}
	return out, append(at, int32(len(b)))
}

// entities are the HTML entities decodeEscapes reads.
var entities = []struct {
	name string
	c    byte
}{
	{"&quot;", '"'}, {"&apos;", '\''}, {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
}

// escapeAtText decodes the escape at the start of b: its byte and length,
// or 0 when there is none.
func escapeAtText(b []byte) (byte, int) {
	switch {
	case len(b) >= 3 && b[0] == '%':
		hi, ok1 := unhex(b[1])
		lo, ok2 := unhex(b[2])
		if ok1 && ok2 {
			return hi<<4 | lo, 3
		}
	case len(b) >= 3 && b[0] == '&' && b[1] == '#':
		return numericEntity(b)
	case len(b) >= 4 && b[0] == '&':
		for _, e := range entities {
			if len(b) >= len(e.name) && bytes.EqualFold(b[:len(e.name)], []byte(e.name)) {
				return e.c, len(e.name)
			}
		}
	}
	return 0, 0
}

// numericEntity decodes an ASCII character reference at the start of b:
// &#34; &#034; &#x22; and, as browsers read them, &#34 without its ';'.
func numericEntity(b []byte) (byte, int) {
	i, base := 2, 10
	if i < len(b) && b[i]|0x20 == 'x' {
		i, base = 3, 16
	}
	v, start := 0, i
	for ; i < len(b) && i-start < 6; i++ {
		d, ok := unhex(b[i])
		if !ok || base == 10 && d > 9 {
			break
		}
		v = v*base + int(d)
	}
	if i == start || v == 0 || v >= 0x80 {
		return 0, 0
	}
	if i < len(b) && b[i] == ';' {
		i++
	}
	return byte(v), i
}

func unhex(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
