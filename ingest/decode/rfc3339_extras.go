package decode

import (
	"errors"
	"time"
)

// errNotRFC3339 is parseRFC3339Extras' refusal; callers name the field.
var errNotRFC3339 = errors.New("not an RFC 3339 time")

// parseRFC3339Extras parses the RFC 3339 forms time.Parse refuses: a
// lower-case 't' or 'z' (RFC 3339 §5.6 allows them), and a leap second
// ("23:59:60Z", at the end of a month in UTC), which becomes the next
// second's first instant: time.Time, like POSIX time, has no leap second.
func parseRFC3339Extras(s string) (time.Time, error) {
	if len(s) < 20 || len(s) > 64 || s[10] != 't' && s[10] != 'T' {
		return time.Time{}, errNotRFC3339
	}
	var buf [64]byte
	b := append(buf[:0], s...)
	b[10] = 'T'
	if b[len(b)-1] == 'z' {
		b[len(b)-1] = 'Z'
	}
	leap := b[17] == '6' && b[18] == '0'
	if leap {
		b[18] = '9'
		b[17] = '5'
	}
	t, err := time.Parse(time.RFC3339Nano, string(b))
	if err != nil {
		return time.Time{}, errNotRFC3339
	}
	if !leap {
		return t, nil
	}
	if u := t.UTC(); u.Hour() != 23 || u.Minute() != 59 || u.AddDate(0, 0, 1).Day() != 1 {
		return time.Time{}, errNotRFC3339 // no leap second is ever inserted here
	}
	return t.Add(time.Second), nil
}
