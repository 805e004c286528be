package redact

import "bytes"

// encoded handles a name b[ns:ne] given a value in a percent-encoded query:
// a URL carried in another URL's parameter (next=%2Fcb%3Ftoken%3Dv%26a%3D1)
// or encoded twice (%253D). A secret's name, or a credential's query
// parameter (queryParams) after an encoded '?' or '&', followed by an
// encoded '=' has its value up to the next encoded '&' or '#' recorded as a
// span of KindAssignment. encoded returns where the value ends, or -1 when
// no encoded '=' follows the name.
func (s *scan) encoded(ns, ne int) int {
	b := s.b
	eq := encodedByte(b, ne, "3d")
	if eq == 0 {
		return -1
	}
	sep := false                  // an encoded '?' or '&' comes before the name
	if ns > 0 && b[ns-1] == '%' { // the name's first bytes end an escape (%3Ftoken, %2Ftoken)
		n := escapeLen(b, ns-1, "")
		sep = escapeLen(b, ns-1, "3f") > 0 || escapeLen(b, ns-1, "26") > 0
		if n > 0 && ne-ns > n-1 {
			ns += n - 1
		}
	}
	name := b[ns:ne]
	if !secretKey(name) && (!sep || !queryName(name)) {
		return ne
	}
	vs := ne + eq
	ve := encodedValueEnd(b, vs)
	s.addSpan(s.c.field+1, vs, ve)
	return ve
}

// encodedValueEnd is where a percent-encoded value starting at b[i] ends:
// at an encoded '&' or '#', or where a plain value would.
func encodedValueEnd(b []byte, i int) int {
	end := bareEnd(b, i)
	for j := i; j < end; j++ {
		if b[j] == '%' && (escapeLen(b, j, "26") > 0 || escapeLen(b, j, "23") > 0) {
			return j
		}
	}
	return end
}

// encodedByte is the length of the escape of the byte whose hex is hex
// (lower case) at b[i], once (%3D) or twice (%253D) encoded; 0 if none.
func encodedByte(b []byte, i int, hex string) int {
	if i < len(b) && b[i] == '%' {
		return escapeLen(b, i, hex)
	}
	return 0
}

// escapeLen is the length of the escape at b[i] ('%'): 3 for %XX, 5 for
// %25XX, when XX is hex (any byte's when hex is empty); else 0.
func escapeLen(b []byte, i int, hex string) int {
	for _, n := range [...]int{5, 3} {
		if i+n > len(b) || n == 5 && !bytes.EqualFold(b[i+1:i+3], []byte("25")) {
			continue
		}
		xx := b[i+n-2 : i+n]
		if hex == "" && hexDigit(xx[0]) && hexDigit(xx[1]) || hex != "" && bytes.EqualFold(xx, []byte(hex)) {
			return n
		}
	}
	return 0
}

func hexDigit(c byte) bool {
	_, ok := unhex(c)
	return ok
}
