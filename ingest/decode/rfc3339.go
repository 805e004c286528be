package decode

import "time"

// parseRFC3339 parses an RFC 3339 time, taking the form nearly every
// producer writes ("2006-01-02T15:04:05[.fraction]Z") without time.Parse's
// generality, which costs more than the rest of a field's decoding; the
// forms time.Parse refuses are tried last (parseRFC3339Extras).
func parseRFC3339(s string) (time.Time, error) {
	if t, ok := parseUTCForm(s); ok {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		if x, xerr := parseRFC3339Extras(s); xerr == nil {
			return x, nil
		}
	}
	return t, err
}

// parseUTCForm parses "2006-01-02T15:04:05[.fraction]Z"; ok is false for
// any other form and for any out-of-range field, left to time.Parse.
func parseUTCForm(s string) (t time.Time, ok bool) {
	if len(s) < 20 || s[len(s)-1] != 'Z' || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	year, ok1 := number(s[0:4])
	month, ok2 := number(s[5:7])
	day, ok3 := number(s[8:10])
	hour, ok4 := number(s[11:13])
	minute, ok5 := number(s[14:16])
	sec, ok6 := number(s[17:19])
	nanos, ok7 := fraction(s[19 : len(s)-1])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6 && ok7) || month < 1 || month > 12 || day < 1 ||
		day > daysIn(time.Month(month), year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, nanos, time.UTC), true
}

// number reads decimal digits, nothing else.
func number(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// fraction reads "" or "." and one to nine digits, as nanoseconds.
func fraction(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	if s[0] != '.' || len(s) < 2 || len(s) > 10 {
		return 0, false
	}
	n, ok := number(s[1:])
	for i := len(s) - 1; i < 9; i++ {
		n *= 10
	}
	return n, ok
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
