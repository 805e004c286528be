package redact

import "bytes"

// Quotes a name or value may be wrapped in: JSON, JSON inside a JSON
// string, and single quotes.
var (
	dquote  = []byte(`"`)
	edquote = []byte(`\"`)
	squote  = []byte(`'`)
)

// name handles a secret-name word at b[start:end]. When the name around it
// is a secret's and a value is assigned to it ("name":"v", NAME=v, name: v,
// --name v), the value becomes a span. It returns where the next name may
// start.
func (s *scan) name(start, end int) int {
	b := s.b
	ns, ne := nameBounds(b, start, end)
	if j := s.flag(ns, ne); j >= 0 {
		return j
	}
	if j := s.encoded(ns, ne); j >= 0 {
		return j
	}
	if j := s.element(ns, ne); j >= 0 {
		return j
	}
	word := ne
	if j := s.assignment(pathName(b, ns, ne)); j >= 0 {
		return j
	}
	return word // a quoted run of words ("keytool -keypass v") names nothing: the names in it still count
}

// assignment records the value given to the name b[ns:ne] and returns
// where it ends; -1 when no value is given to it.
func (s *scan) assignment(ns, ne int) int {
	b := s.b
	q := quoteBefore(b, ns)
	i := ne
	if len(q) > 0 && bytes.HasPrefix(b[i:], q) {
		i += len(q)
	} else {
		q = nil
	}
	if i < len(b) && b[i] == ']' && indexed(b, ns-len(q)) {
		i++ // PHP's print_r [password] => v, os.environ["DB_PASSWORD"] = v, Ruby's config[:password] = v
	}
	i = skipSpace(b, i)
	if i+1 >= len(b) || b[i] != ':' && b[i] != '=' || b[i+1] == '=' {
		if j := s.pair(ns, ne, i, q); j > ne {
			return j
		}
		return -1
	}
	field := b[i] == ':' && len(q) > 0 && q[0] != '\''
	v := skipSpace(b, i+1)
	if b[i] == '=' && b[i+1] == '>' { // Ruby, Perl and PHP: "password" => "v"
		v = skipSpace(b, i+2)
	}
	if field && v < len(b) && b[v] == '{' {
		return s.valueMember(ns, ne, v) // Azure's "adminPassword":{"type":"String","value":"v"}
	}
	if field && v < len(b) && !valueStart(b[v]) {
		if e := numberEnd(b, v); e > v && secretNumber(b[ns:ne]) {
			s.addSpan(s.c.field, v, e) // a PIN or numeric password: "password":839201447712
			return e
		}
		return v // an object ("token":{…}), a short number or a literal: nothing to record
	}
	var buf [maxName]byte
	n := string(normalize(buf[:0], b[ns:ne])) // once: each judgement below needs it
	if q == nil && b[i] == ':' {
		if j := yamlNext(b, i+1); j >= 0 && secretNormal(b[ns:ne], n) { // password:⏎  v, password: |⏎  v
			end := lineEnd(b, j)
			s.addSpan(s.c.field+1, j, end)
			return end
		}
	}
	hdr := headerOf(n)
	if !assigns(b, ns, ne, i, q, n) && !(hdr == authHeader && q == nil && b[i] == ':') || // Authorization:Bearer v
		!field && hdr == plainName && pathValue(n, b[v:]) {
		return -1
	}
	if weakSetting(b[ns:ne], n, valueAt(b, v)) {
		return -1 // auth: basic, REDIS_AUTH=true
	}
	kind := s.c.field + 1
	if field {
		kind = s.c.field
	}
	return s.value(v, kind, field, hdr)
}

// valueAt is the value starting at b[i], without its quotes.
func valueAt(b []byte, i int) []byte {
	if i >= len(b) {
		return nil
	}
	if q := quoteAt(b, i); q != nil {
		return b[i+len(q) : quotedEnd(b, i+len(q), q)]
	}
	return b[i:bareEnd(b, i)]
}

// indexed reports whether b[:i] ends with '[' (or "[:", a Ruby symbol).
func indexed(b []byte, i int) bool {
	return i >= 1 && b[i-1] == '[' || i >= 2 && b[i-1] == ':' && b[i-2] == '['
}

// valueStart reports whether a field's value starting with c may be
// recorded by value: a string (quoted any way) or an array.
func valueStart(c byte) bool { return c == '"' || c == '\'' || c == '\\' || c == '[' }

// value records the value starting at b[i] and returns where it ends.
func (s *scan) value(i int, kind int32, field bool, hdr header) int {
	b := s.b
	if i >= len(b) {
		return i
	}
	if i+1 < len(b) && (b[i]|0x20 == 'u' || b[i]|0x20 == 'b') && quoteAt(b, i+1) != nil {
		i++ // Python's u'v' and b'v', as repr prints a dict
	}
	if q := quoteAt(b, i); q != nil {
		start := i + len(q)
		end := quotedEnd(b, start, q)
		s.addSpan(kind, start, end)
		return end
	}
	if field && b[i] == '[' {
		for i = skipSpace(b, i+1); i < len(b) && b[i] == '"'; {
			end := quotedEnd(b, i+1, dquote)
			s.addSpan(kind, i+1, end)
			if i = skipSpace(b, end+1); i >= len(b) || b[i] != ',' {
				break
			}
			i = skipSpace(b, i+1)
		}
		return i
	}
	if field {
		return i // a number, object or literal
	}
	end := bareEnd(b, i)
	if hdr == cookieHdr {
		end = headerEnd(b, i)
	}
	if (scheme(b[i:end]) || hdr == authHeader && schemeWord(b[i:end])) && end < len(b) && b[end] == ' ' {
		if j := skipSpace(b, end); bareEnd(b, j) > j && b[j] != '-' { // not --password-store=basic --next-flag
			i, end = j, bareEnd(b, j)
		}
	}
	s.addSpan(kind, i, end)
	return end
}

// quoteBefore returns the quote that b[:i] ends with, or nil.
func quoteBefore(b []byte, i int) []byte {
	switch {
	case i >= 2 && b[i-1] == '"' && b[i-2] == '\\' && !escaped(b, i-2):
		return edquote
	case i >= 1 && b[i-1] == '"':
		return dquote
	case i >= 1 && b[i-1] == '\'':
		return squote
	}
	return nil
}

// quoteAt returns the quote that b[i:] starts with, or nil.
func quoteAt(b []byte, i int) []byte {
	for _, q := range [][]byte{edquote, dquote, squote} {
		if bytes.HasPrefix(b[i:], q) {
			return q
		}
	}
	return nil
}
