package redact

import "bytes"

// elementPair is where the second string of a two-element array or tuple
// starts when the string quoted with q whose opening quote is at b[open]
// is its first and names a header (headerName), b[i] being the ',' after
// it: headers as lists of pairs ([["Authorization","Bearer v"]], Python's
// [("Cookie", "v")]); so is a call's second argument when its first names
// the variable it sets (PHP's define('DB_PASSWORD', 'v'), os.Setenv,
// setdefault, System.setProperty); else -1. Longer lists
// (["token","secrets"]) are lists of names.
func elementPair(b []byte, open, i int, q, name []byte) int {
	j := open
	for j > 0 && (b[j-1] == ' ' || b[j-1] == '\t') {
		j--
	}
	call := j > 1 && b[j-1] == '(' && nameByte(b[j-2])
	if j == 0 || b[j-1] != '[' && b[j-1] != '(' || i >= len(b) || b[i] != ',' || !call && !headerName(name) {
		return -1
	}
	v := skipSpace(b, i+1)
	vq := quoteAt(b, v)
	if vq == nil {
		return -1
	}
	end := skipSpace(b, quotedEnd(b, v+len(vq), vq)+len(vq))
	if end >= len(b) || b[end] != ']' && b[end] != ')' && !(call && b[end] == ',') {
		return -1
	}
	return v
}

// headerName reports whether name is an HTTP header's: Authorization or
// Cookie, or words joined by '-' (X-Api-Key, x-auth-token).
func headerName(name []byte) bool {
	var buf [maxName]byte
	n := string(normalize(buf[:0], name))
	return headerOf(n) != plainName || bytes.IndexByte(name, '-') > 0 && bytes.IndexByte(name, '_') < 0
}
