package gen

import "time"

// timeLayout is RFC 3339 with milliseconds.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// appendTime appends t as a JSON string in UTC to the millisecond (RFC 3339,
// "2006-01-02T15:04:05.000Z"), two digits at a time: faster than AppendFormat.
func appendTime(dst []byte, t time.Time) []byte {
	t = t.UTC()
	year, month, day := t.Date()
	if year < 0 || year > 9999 {
		return append(t.AppendFormat(append(dst, '"'), timeLayout), '"')
	}
	hour, minute, second := t.Clock()
	ms := t.Nanosecond() / 1e6
	dst = append(dst, '"')
	dst = two(two(dst, year/100), year%100)
	dst = two(append(dst, '-'), int(month))
	dst = two(append(dst, '-'), day)
	dst = two(append(dst, 'T'), hour)
	dst = two(append(dst, ':'), minute)
	dst = two(append(dst, ':'), second)
	dst = two(append(dst, '.', byte('0'+ms/100)), ms%100)
	return append(dst, 'Z', '"')
}

// two appends 0 ≤ v < 100 as two digits.
func two(dst []byte, v int) []byte {
	return append(dst, byte('0'+v/10), byte('0'+v%10))
}
