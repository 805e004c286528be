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
	secs := unixDays(year, month, day)*86400 + int64(hour*3600+minute*60+sec)
	return time.Unix(secs, int64(nanos)).UTC(), true
}

// unixDays is the number of days from 1970-01-01 to a proleptic Gregorian
// date, without time.Date's normalising (H. Hinnant's days_from_civil).
func unixDays(year, month, day int) int64 {
	y := int64(year)
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := int64(month+9) % 12 // March is 0
	doy := (153*mp+2)/5 + int64(day) - 1
	return era*146097 + yoe*365 + yoe/4 - yoe/100 + doy - 719468
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

// daysIn is the number of days in month m of year (proleptic Gregorian).
func daysIn(m time.Month, year int) int {
	switch {
	case m == time.February && year%4 == 0 && (year%100 != 0 || year%400 == 0):
		return 29
	case m == time.February:
		return 28
	case m == time.April || m == time.June || m == time.September || m == time.November:
		return 30
	}
	return 31
}
