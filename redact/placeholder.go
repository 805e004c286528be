package redact

import "bytes"

// placeholder reports whether v, the value under a secret's name, stands
// for a secret rather than being one: a reference to where it lives
// (${DB_PASSWORD}, $(cat f), {{ .Values.pw }}, %(pw)s, var.db_password,
// local.x, data.y.z), a mask (********, xxxxxx), or MySQL's "using
// password: YES|NO". A documentation placeholder such as <password> is
// redacted all the same: JSON writes its brackets as \u003c…\u003e, which
// a second scan would not know for one.
func placeholder(v []byte) bool {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0:
		return false
	case bytes.HasPrefix(v, []byte("${")), bytes.HasPrefix(v, []byte("$(")), bytes.HasPrefix(v, []byte("{{")),
		bytes.HasPrefix(v, []byte("%(")): // a bare value's span may stop before the closing brace
		return true
	case masked(v), terraformRef(v):
		return true
	}
	s := string(bytes.TrimSuffix(v, []byte(")")))
	return s == "YES" || s == "NO"
}

// masked reports a value of one repeated mask byte (*, x, X, #, •'s bytes
// aside), three or more.
func masked(v []byte) bool {
	if len(v) < 3 || !bytes.ContainsAny(v[:1], "*xX#") {
		return false
	}
	return len(bytes.Trim(v, string(v[:1]))) == 0
}

// terraformRef reports an expression naming a value: var.x, local.x,
// data.kind.name.attr, module.m.output.
func terraformRef(v []byte) bool {
	for _, p := range [...]string{"var.", "local.", "data.", "module."} {
		if bytes.HasPrefix(v, []byte(p)) && len(v) > len(p) {
			for _, c := range v[len(p):] {
				if !(c == '_' || c == '.' || c == '-' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
					return false
				}
			}
			return true
		}
	}
	return false
}
