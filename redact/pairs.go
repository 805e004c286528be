package redact

import "bytes"

// pairKeys are members that name a variable whose value the next member
// holds: Kubernetes and ECS environments and CodeBuild variables
// ({"name":"DB_PASSWORD","value":"…"}), CloudFormation parameters
// (ParameterKey, ParameterValue), tags (Key, Value) and Elastic Beanstalk
// option settings (OptionName, Value).
var pairKeys = [...]struct{ name, value string }{
	{"name", "value"}, {"key", "value"}, {"parameterKey", "parameterValue"}, {"optionName", "value"},
}

// pair handles a secret name b[ns:ne] that is a whole string value quoted
// with q, the next byte after it and any space being b[i]: when its member
// is a pair key and one of the next few members, or else the one before
// it, is the pair's value ({"value":"…","name":"DB_PASSWORD"}, as serializers keeping
// insertion order write it), that value becomes a span; so does the second
// string of a header pair (elementPair). It returns where the next name
// may start.
func (s *scan) pair(ns, ne, i int, q []byte) int {
	b := s.b
	if len(q) == 0 {
		return ne
	}
	if vs := elementPair(b, ns-len(q), i, q, b[ns:ne]); vs >= 0 && secretKey(b[ns:ne]) {
		return s.value(vs, s.c.field, true, plainName) // [["Authorization","Bearer v"]]
	}
	if q[0] == '\'' {
		return ne
	}
	key, at := memberBefore(b, ns-len(q), q)
	if bytes.EqualFold(key, []byte("type")) && bytes.EqualFold(b[ns:ne], []byte(secureString)) {
		return s.pairValue(ns, ne, i, at, q, "value")
	}
	for _, p := range pairKeys { // the cheap tests first: most hits are in values of other members
		if !bytes.EqualFold(key, []byte(p.name)) {
			continue
		}
		if !secretKey(b[ns:ne]) {
			return ne
		}
		return s.pairValue(ns, ne, i, at, q, p.value)
	}
	return ne
}

// secureString is the type of an SSM parameter (or any object's member
// "type") that makes the object's "value" a secret, whatever its name.
const secureString = "SecureString"

// pairValue records the value of member want, one of the next few members
// or else one before the name's member (which starts at b[at]).
func (s *scan) pairValue(ns, ne, i, at int, q []byte, want string) int {
	b := s.b
	if vs := laterMember(b, i, q, want); vs >= 0 {
		return s.value(vs, s.c.field, true, plainName)
	}
	if vs, ve := valueBeforeN(b, at, q, want); ve > vs {
		s.addSpan(s.c.field, vs, ve)
	}
	return ne
}

// maxLater bounds the members laterMember looks past.
const maxLater = 8

// laterMember is where the value of the member named want starts, when it
// is one of the next few members of the object (b[i] is the ',' after the
// name's value): {"name":"password","type":"string","value":"…"}; else -1.
func laterMember(b []byte, i int, q []byte, want string) int {
	for range maxLater {
		if i >= len(b) || b[i] != ',' {
			return -1
		}
		name, vs := memberAt(b, skipSpace(b, i+1), q)
		switch {
		case name == nil:
			return -1
		case bytes.EqualFold(name, []byte(want)):
			return vs
		case bytes.HasPrefix(b[vs:], q):
			i = skipSpace(b, quotedEnd(b, vs+len(q), q)+len(q))
		default:
			i = skipSpace(b, bareEnd(b, vs))
		}
	}
	return -1
}

// memberBefore is the name of the member quoted with q whose value starts
// at b[i], and where the name's opening quote starts; nil when there is
// none.
func memberBefore(b []byte, i int, q []byte) ([]byte, int) {
	for i > 0 && (b[i-1] == ' ' || b[i-1] == '\t') {
		i--
	}
	if i == 0 || b[i-1] != ':' {
		return nil, 0
	}
	for i--; i > 0 && (b[i-1] == ' ' || b[i-1] == '\t'); i-- {
	}
	if !bytes.HasSuffix(b[:i], q) {
		return nil, 0
	}
	start, end := nameBounds(b, i-len(q), i-len(q))
	if !bytes.HasSuffix(b[:start], q) {
		return nil, 0
	}
	return b[start:end], start - len(q)
}

// memberAt is the name of the member quoted with q that starts at b[i], and
// where its value starts; nil when there is none.
func memberAt(b []byte, i int, q []byte) ([]byte, int) {
	if !bytes.HasPrefix(b[i:], q) {
		return nil, 0
	}
	start, end := nameBounds(b, i+len(q), i+len(q))
	if j := skipSpace(b, end+len(q)); bytes.HasPrefix(b[end:], q) && j < len(b) && b[j] == ':' {
		return b[start:end], skipSpace(b, j+1)
	}
	return nil, 0
}

// pathName is quotedName, or the whole quoted string when the name ends a
// path in it ("/prod/db/password", an SSM parameter's name in its pair).
func pathName(b []byte, start, end int) (int, int) {
	if s, e := quotedName(b, start, end); s != start || e != end || start == 0 || b[start-1] != '/' {
		return s, e
	}
	s := start
	for s > 0 && end-s < maxPath && (nameByte(b[s-1]) || b[s-1] == '/') {
		s--
	}
	if q := quoteBefore(b, s); len(q) > 0 && bytes.HasPrefix(b[end:], q) {
		return s, end
	}
	return start, end
}

// maxPath bounds the path pathName widens a name over.
const maxPath = 256

// quotedName widens the name b[start:end] over spaces and name bytes to the
// quoted string around it ("api key", "Client Secret"), when there is one.
func quotedName(b []byte, start, end int) (int, int) {
	s, e := start, end
	for s > 0 && e-s < maxName && (nameByte(b[s-1]) || b[s-1] == ' ') {
		s--
	}
	for e < len(b) && e-s < maxName && (nameByte(b[e]) || b[e] == ' ') {
		e++
	}
	if q := quoteBefore(b, s); len(q) > 0 && bytes.HasPrefix(b[e:], q) {
		return s, e
	}
	return start, end
}

// maxParameter bounds how far valueMember looks for the value.
const maxParameter = 512

// valueNames are a "value" member's name, quoted and escape-quoted.
var valueNames = [...][]byte{[]byte(`"value"`), []byte(`\"value\"`)}

// valueMember records the string of a "value" member of the object opening
// at b[i] (before any nested object) when the name b[ns:ne] is a secret's,
// as Azure deployments and CloudFormation parameters hold it; it returns
// where the value ends, or i.
func (s *scan) valueMember(ns, ne, i int) int {
	b := s.b
	first := skipSpace(b, i+1)
	if !bytes.HasPrefix(b[first:], []byte(`"type"`)) && !bytes.HasPrefix(b[first:], []byte(`"value"`)) &&
		!bytes.HasPrefix(b[first:], []byte(`\"type\"`)) && !bytes.HasPrefix(b[first:], []byte(`\"value\"`)) {
		return i // such objects open with their type or value: not {"id":…}
	}
	obj := b[i:min(len(b), i+maxParameter)]
	if end := bytes.IndexByte(obj[1:], '}'); end >= 0 {
		obj = obj[:1+end]
	}
	for k, q := range [...][]byte{dquote, edquote} {
		needle := valueNames[k]
		at := bytes.Index(obj, needle)
		if at < 0 {
			continue
		}
		j := skipSpace(b, i+at+len(needle))
		if j >= len(b) || b[j] != ':' {
			continue
		}
		if j = skipSpace(b, j+1); bytes.HasPrefix(b[j:], q) && secretKey(b[ns:ne]) {
			ve := quotedEnd(b, j+len(q), q)
			s.addSpan(s.c.field, j+len(q), ve)
			return ve
		}
	}
	return i
}
