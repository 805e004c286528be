package redact

import "bytes"

// decodeEscapes returns b with its percent escapes (%22, and '+' for a
// query's space) and the HTML entities of quotes, ampersands and angle
// brackets (&quot; &#34; &#x22; &apos; &#39; &amp; &lt; &gt;) decoded once;
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
	{"&quot;", '"'}, {"&#34;", '"'}, {"&#x22;", '"'}, {"&apos;", '\''}, {"&#39;", '\''}, {"&#x27;", '\''},
	{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'},
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
	case len(b) >= 4 && b[0] == '&':
		for _, e := range entities {
			if len(b) >= len(e.name) && bytes.EqualFold(b[:len(e.name)], []byte(e.name)) {
				return e.c, len(e.name)
			}
		}
	}
	return 0, 0
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
