package redact

import "strings"

// header is what a name says of the text after it.
type header uint8

const (
	plainName  header = iota
	authHeader        // Authorization, Proxy-Authorization: "<scheme> <credentials>"
	cookieHdr         // Cookie, Set-Cookie: every cookie to the end of the header
)

// headerOf is the header a name whose normalized form is n is: n ends in
// "authorization", or is "cookie" or "setcookie".
func headerOf(n string) header {
	switch {
	case strings.HasSuffix(n, "authorization"):
		return authHeader
	case n == "cookie" || n == "setcookie":
		return cookieHdr
	}
	return plainName
}

// schemeWord reports whether v may be an authorization scheme (SSWS, Bot,
// Splunk, Api-Key, AWS4-HMAC-SHA256 …): a short word of letters, digits,
// '-' and '_'. After an Authorization name such a word followed by another
// is the scheme, and the credentials are what follows.
func schemeWord(v []byte) bool {
	if len(v) == 0 || len(v) > 24 {
		return false
	}
	for _, c := range v {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// headerEnd is where a header's value starting at b[i] ends: at a quote, a
// backslash (an escape in JSON) or a line's end.
func headerEnd(b []byte, i int) int {
	for ; i < len(b); i++ {
		switch b[i] {
		case '"', '\'', '\\', '\r', '\n':
			return i
		}
	}
	return len(b)
}

// pathValue reports whether a name (normalized: n) and the text after it
// are a working directory rather than a password: PWD or OLDPWD set to an
// absolute path (sudo's "PWD=/home/bob", a process environment).
func pathValue(n string, rest []byte) bool {
	return (n == "pwd" || n == "oldpwd") && len(rest) > 0 && (rest[0] == '/' || rest[0] == '~')
}
