package redact

import "bytes"

// element handles a name b[ns:ne] that is an XML element's (<Password>v
// </Password>, <soap:Password>, unattend.xml's <Password><Value>v) or the key or name attribute of an element
// whose value attribute or text follows (<add key="DbPassword" value="v"/>,
// <property name="password" value="v"/>, Java's properties XML <entry
// key="db.password">v</entry>, <property name="password"><value>v): when the name is a secret's,
// the text or the value attribute becomes a span of KindField. It returns
// where the value ends, or -1 when b[ns:ne] is neither.
func (s *scan) element(ns, ne int) int {
	b := s.b
	if ne >= len(b) {
		return -1
	}
	if b[ne] == '>' && tagOpens(b, ns) {
		return s.elementText(ns, ne, ne+1)
	}
	if ns < 2 || b[ne] != b[ns-1] || b[ns-1] != '"' && b[ns-1] != '\'' || !namingAttr(b, ns-2) {
		return -1
	}
	q := b[ns-1 : ns]
	j := skipSpace(b, ne+1)
	if j < len(b) && b[j] == '>' { // <entry key="db.password">v</entry>
		return s.elementText(ns, ne, j+1)
	}
	if !bytes.HasPrefix(b[j:], []byte("value=")) || !bytes.HasPrefix(b[j+len("value="):], q) || !secretKey(b[ns:ne]) {
		return -1
	}
	vs := j + len("value=") + 1
	end := bytes.IndexByte(b[vs:], q[0])
	if end < 0 {
		return -1
	}
	s.addSpan(s.c.field, vs, vs+end)
	return vs + end
}

// elementText records the text of an element named b[ns:ne] (by its tag or
// its key attribute) that starts at b[vs], when the name is a secret's.
func (s *scan) elementText(ns, ne, vs int) int {
	b := s.b
	if len(b)-vs > len(valueTag) && bytes.EqualFold(b[vs:vs+len(valueTag)], valueTag) {
		vs += len(valueTag) // unattend.xml: <Password><Value>v</Value>
	}
	end := bytes.IndexByte(b[vs:], '<')
	if end < 0 || !secretKey(b[ns:ne]) {
		return -1
	}
	s.addSpan(s.c.field, vs, vs+end)
	return vs + end
}

var valueTag = []byte("<Value>")

// tagOpens reports whether the name at b[ns] opens a tag: '<' before it,
// or '<' and a namespace prefix ("<soap:").
func tagOpens(b []byte, ns int) bool {
	i := ns - 1
	if i >= 0 && b[i] == ':' {
		for i--; i >= 0 && nameByte(b[i]); i-- {
		}
	}
	return i >= 0 && b[i] == '<'
}

// namingAttr reports whether b[:i+1] ends with a key= or name= attribute.
func namingAttr(b []byte, i int) bool {
	if b[i] != '=' {
		return false
	}
	for _, a := range [...]string{"key", "name"} {
		if start := i - len(a); start >= 1 && bytes.EqualFold(b[start:i], []byte(a)) && (b[start-1] == ' ' || b[start-1] == '\t') {
			return true
		}
	}
	return false
}
