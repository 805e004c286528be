package decode_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// An RFC 1123 time with a zone abbreviation other than GMT or UTC
// ("Fri, 20 Nov 2026 08:00:00 EST") was read as if the abbreviation were
// UTC (time.Parse knows no zone by its abbreviation): hours off, silently.
// Abbreviations are ambiguous (CST, IST), so such a time is refused; GMT,
// UTC and numeric offsets are read as they say.
func TestRFC1123ZoneAbbreviations(t *testing.T) {
	eight := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	good := map[string]time.Time{
		"Fri, 20 Nov 2026 08:00:00 GMT":   eight,
		"Fri, 20 Nov 2026 08:00:00 UTC":   eight,
		"Fri, 20 Nov 2026 03:00:00 -0500": eight,
	}
	for s, want := range good {
		ev, _, err := decodeAs(t, "", vaultEntry("secret/x", "read", set("time", s)))
		require.NoError(t, err, s)
		require.Equal(t, want, ev.Time, s)
	}
	for _, zone := range []string{"EST", "PST", "CET", "IST", "CST", "XYZ"} {
		s := "Fri, 20 Nov 2026 08:00:00 " + zone
		_, _, err := decodeAs(t, "", vaultEntry("secret/x", "read", set("time", s)))
		requireRefused(t, err, "time", decode.ReasonBadTime, s)
		_, _, err = decodeAs(t, "", ctRecord(`,"eventTime":"`+s+`"`))
		requireRefused(t, err, "eventTime", decode.ReasonBadTime, s)
		ev, _, err := decodeAs(t, "", k8sEvent("get", secretRef, set("stageTimestamp", s)))
		require.NoError(t, err, s)
		require.Equal(t, "2026-11-20T10:00:00.1Z", ev.Time.Format(time.RFC3339Nano), "%s: received time instead", s)
		require.Contains(t, ev.Warnings, "stageTimestamp:bad_time", s)
	}
}

// requireRefused checks err is a *decode.Error for field and reason.
func requireRefused(t *testing.T, err error, field, reason, name string) {
	t.Helper()
	var de *decode.Error
	require.ErrorAs(t, err, &de, name)
	require.Equal(t, field, de.Field, "%s: %v", name, de)
	require.Equal(t, reason, de.Reason, "%s: %v", name, de)
}

// TestUSTimesWithAMPM: Log Analytics exports and the Azure portal write
// "3/24/2022 2:42:35 PM" (month first, UTC); a day past the month's last,
// or an hour past 12, is no time.
func TestUSTimesWithAMPM(t *testing.T) {
	for s, want := range map[string]string{
		"3/24/2022 2:42:35 PM": "2022-03-24T14:42:35Z", "11/2/2026 12:05:00 AM": "2026-11-02T00:05:00Z",
		"11/20/2026 8:00:00.123 AM": "2026-11-20T08:00:00.123Z",
	} {
		ev, _, err := decodeAs(t, "", spSignIn(set("time", s)))
		require.NoError(t, err, s)
		require.Equal(t, want, ev.Time.Format(time.RFC3339Nano), s)
	}
	for _, s := range []string{"2/30/2026 1:00:00 PM", "11/20/2026 13:00:00 PM", "20/11/2026 1:00:00 PM"} {
		_, _, err := decodeAs(t, "", spSignIn(set("time", s)))
		requireRefused(t, err, "time", decode.ReasonBadTime, s)
	}
}
