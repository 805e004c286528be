package redact

import (
	"bytes"
	"strings"
)

// queryParams are query parameters whose value is a credential, but whose
// names mean other things outside a URL's query: a Google (or other) API
// key, the signature of an Azure SAS, CloudFront or other signed URL, a
// session id (PHPSESSID, ;jsessionid=), a jwt= and a SAML response (a
// signed bearer assertion).
// Names that are a secret's anywhere (access_token, client_secret,
// X-Amz-Signature, X-Amz-Security-Token, X-Goog-Signature) need no query.
// An OAuth authorization code is not one: it is single use and expires in
// minutes, and "code" names far more that is no secret (an error, a
// country, a promotion).
var queryParams = [...]string{"key", "sig", "signature", "jwt", "sessionid", "phpsessid", "jsessionid", "samlresponse"}

// jsonAmp and htmlAmp are how JSON and HTML write the '&' before a query
// parameter: "\u0026" (whose "u0026" nameBounds takes for part of the
// name) and "&amp;".
var (
	jsonAmp = []byte("u0026")
	htmlAmp = []byte("&amp;")
)

// queryParam reports whether the name b[ns:ne] is one of queryParams
// starting a parameter of a URL query: after '?' or '&', escaped or not.
func queryParam(b []byte, ns, ne int) bool {
	name := b[ns:ne]
	if len(name) > len(jsonAmp) && bytes.EqualFold(name[:len(jsonAmp)], jsonAmp) && ns > 0 && b[ns-1] == '\\' {
		name = name[len(jsonAmp):]
	} else if ns == 0 || b[ns-1] != '?' && b[ns-1] != '&' && b[ns-1] != ';' && !bytes.HasSuffix(b[:ns], htmlAmp) {
		return false
	}
	return queryName(name)
}

// queryName reports whether name is one of queryParams.
func queryName(name []byte) bool {
	for _, p := range queryParams {
		if bytes.EqualFold(name, []byte(p)) {
			return true
		}
	}
	return false
}

// assigns reports whether the name b[ns:ne] (normalized: n), quoted with q (nil for none)
// and followed by ':' or '=' at b[i], is a secret's being given a value:
// a secret's name (secretKey), or a credential's parameter in a URL query
// (queryParam). An unquoted "name:" needs a space after it (secrets:read is
// a scope), and is never "pass" alone ("PASS: TestLogin" is a test result);
// but see tightColon.
func assigns(b []byte, ns, ne, i int, q []byte, n string) bool {
	if q == nil && b[i] == ':' && (b[i+1] != ' ' && b[i+1] != '\t' && !tightColon(b, ns, i, n) || barePass(b[ns:ne])) {
		return false
	}
	return secretNormal(b[ns:ne], n) || q == nil && b[i] == '=' && queryParam(b, ns, ne) || approleSecret(b, ns, ne, n)
}

// tightColon reports whether the unquoted name b[ns:i] (normalized: n) is
// given the value right after the ':' at b[i]: a quoted one, as JavaScript
// writes an object ({user:"app",pwd:"v"}), or, after a password's name
// that follows no ':', '/', '@' or '.', one holding a digit or capital
// (password:S3cret in a log line; not password:reset, a scope).
func tightColon(b []byte, ns, i int, n string) bool {
	if c := b[i+1]; c == '"' || c == '\'' {
		return true
	}
	if ns > 0 && strings.IndexByte(":/@.", b[ns-1]) >= 0 {
		return false
	}
	if !strings.HasSuffix(n, "password") && !strings.HasSuffix(n, "passwd") && !strings.HasSuffix(n, "pwd") {
		return false
	}
	v := b[i+1 : bareEnd(b, i+1)]
	return bytes.IndexFunc(v, func(r rune) bool { return '0' <= r && r <= '9' || 'A' <= r && r <= 'Z' }) >= 0
}
