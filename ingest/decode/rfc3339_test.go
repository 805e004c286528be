package decode

import (
	"testing"
	"time"
)

var rfc3339Cases = []string{
	"2026-11-20T08:15:30Z", "2026-11-20T08:15:30.1Z", "2026-11-20T08:15:30.123456789Z",
	"2024-02-29T23:59:59.999Z", "2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
	"2026-11-31T00:00:00Z", "2026-11-20T24:00:00Z", "2026-11-20T08:60:00Z", "2026-11-20T08:15:60Z",
	"2026-11-20T08:15:30.Z", "2026-11-20T08:15:30.1234567890Z", "2026-11-20t08:15:30Z", "2026-11-20T08:15:30z",
	"2026-11-20T08:15:30+02:00", "2026-11-20T08:15:30.5-07:30", "2026-11-20 08:15:30Z", "+026-11-20T08:15:30Z",
	"2026-11-20T08:15:30,5Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-1-20T08:15:30Z",
	"2026-11-20T08:15:3aZ", "２026-11-20T08:15:30Z", "", "Z",
}

// TestParseRFC3339AgreesWithTimeParse: the fast form gives what time.Parse
// gives, value and error alike, across valid, edge and malformed times.
func TestParseRFC3339AgreesWithTimeParse(t *testing.T) {
	for _, s := range rfc3339Cases {
		checkRFC3339(t, s)
	}
}

func FuzzParseRFC3339(f *testing.F) {
	for _, s := range rfc3339Cases {
		f.Add(s)
	}
	f.Fuzz(checkRFC3339)
}

// checkRFC3339: where time.Parse reads s, parseRFC3339 agrees; where it
// refuses, parseRFC3339 reads only the forms parseRFC3339Extras takes.
func checkRFC3339(t *testing.T, s string) {
	got, gotErr := parseRFC3339(s)
	want, wantErr := time.Parse(time.RFC3339Nano, s)
	if wantErr != nil {
		want, wantErr = parseRFC3339Extras(s)
	}
	if (gotErr == nil) != (wantErr == nil) || !got.Equal(want) {
		t.Errorf("%q: got %v, %v; time.Parse gives %v, %v", s, got, gotErr, want, wantErr)
	}
}

func TestDaysInIsTimeDate(t *testing.T) {
	for _, year := range []int{0, 1, 4, 100, 400, 1600, 1700, 1900, 2000, 2023, 2024, 2100, 9999} {
		for m := time.January; m <= time.December; m++ {
			if got, want := daysIn(m, year), time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Errorf("%d-%02d: %d days, want %d", year, m, got, want)
			}
		}
	}
}

func TestUnixDaysIsTimeDate(t *testing.T) {
	for _, year := range []int{0, 1, 99, 399, 400, 1582, 1677, 1969, 1970, 2000, 2024, 2262, 9999} {
		for m := 1; m <= 12; m++ {
			for _, d := range []int{1, 15, daysIn(time.Month(m), year)} {
				want := time.Date(year, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400
				if got := unixDays(year, m, d); got != want {
					t.Errorf("%04d-%02d-%02d: %d days, want %d", year, m, d, got, want)
				}
			}
		}
	}
}
