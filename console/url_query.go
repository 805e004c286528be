package console

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// parseQuery is the request's query, or a 400 naming the first malformed
// parameter (a bad escape, or a semicolon, which net/http would silently
// drop with its whole parameter, so a filter would vanish unnoticed).
func parseQuery(raw string) (url.Values, error) {
	q, err := url.ParseQuery(raw)
	if err == nil {
		return q, nil
	}
	for _, part := range strings.Split(raw, "&") {
		key, _, _ := strings.Cut(part, "=")
		if _, perr := url.ParseQuery(part); perr != nil {
			if k, kerr := url.QueryUnescape(key); kerr == nil && !strings.Contains(k, ";") && utf8.ValidString(k) && len(k) <= 64 {
				return nil, &fieldError{k, "is malformed (a bad %-escape or a semicolon)"}
			}
			return nil, &fieldError{"query", "a parameter name is malformed"}
		}
	}
	return nil, &fieldError{"query", "is malformed"}
}

// singleParams refuses a parameter given more than once, except those in repeatable.
func singleParams(q url.Values, repeatable ...string) error {
	for key, vs := range q {
		if len(vs) > 1 && !slices.Contains(repeatable, key) {
			return &fieldError{key, "may be given once"}
		}
	}
	return nil
}

// strictQuery is parseQuery that also refuses a parameter not in known and
// one given twice unless repeatable.
func strictQuery(raw string, known []string, repeatable ...string) (url.Values, error) {
	q, err := parseQuery(raw)
	if err == nil {
		err = onlyParams(q, known)
	}
	if err == nil {
		err = singleParams(q, repeatable...)
	}
	return q, err
}
