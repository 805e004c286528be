package decode

import (
	"testing"
	"time"
)

// RFC 3339 allows a lower-case 't' and 'z' and a leap second, which
// time.Parse refuses; a leap second becomes the next second's first instant.
func TestRFC3339FormsTimeParseRefuses(t *testing.T) {
	newYear2017 := time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC)
	good := map[string]time.Time{
		"2026-11-20t08:15:30Z":           time.Date(2026, 11, 20, 8, 15, 30, 0, time.UTC),
		"2026-11-20T08:15:30.25z":        time.Date(2026, 11, 20, 8, 15, 30, 25e7, time.UTC),
		"2026-11-20t08:15:30+02:00":      time.Date(2026, 11, 20, 6, 15, 30, 0, time.UTC),
		"2026-11-20t08:15:30.5z":         time.Date(2026, 11, 20, 8, 15, 30, 5e8, time.UTC),
		"2016-12-31T23:59:60Z":           newYear2017,
		"2016-12-31t23:59:60z":           newYear2017,
		"2016-12-31T23:59:60.5Z":         newYear2017.Add(500 * time.Millisecond),
		"2016-12-31T18:59:60-05:00":      newYear2017,
		"2017-01-01T05:29:60+05:30":      newYear2017,
		"2015-06-30T23:59:60Z":           time.Date(2015, 7, 1, 0, 0, 0, 0, time.UTC),
		"2024-02-29T23:59:60.999999999Z": time.Date(2024, 3, 1, 0, 0, 0, 999999999, time.UTC),
	}
	for s, want := range good {
		got, err := parseRFC3339(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("%q: got %v, %v; want %v", s, got, err, want)
		}
	}
	bad := []string{
		"2026-11-20T08:15:60Z",      // not the end of a day
		"2016-12-30T23:59:60Z",      // not the end of a month
		"2016-12-31T23:58:60Z",      // not the last minute
		"2016-12-31T23:59:60+01:00", // 22:59:60 in UTC
		"2016-12-31T23:59:61Z", "2016-12-31T23:59:6aZ",
		"2026-11-20x08:15:30Z", "2026-11-20t08:15:30", "2026-11-20t08:15:30y", "2026-11-20t08:15:30+0200",
	}
	for _, s := range bad {
		if got, err := parseRFC3339(s); err == nil {
			t.Errorf("%q: read as %v, want refused", s, got)
		}
	}
}
