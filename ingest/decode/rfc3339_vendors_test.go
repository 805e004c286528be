package decode_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// Every vendor's RFC 3339 times take what RFC 3339 allows and time.Parse
// refuses: a lower-case 't' or 'z', and a leap second.
func TestVendorTimesTakeRFC3339LowerCaseAndLeapSeconds(t *testing.T) {
	cases := map[string]time.Time{
		"2016-12-31T23:59:60Z":      time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
		"2016-12-31T18:59:60-05:00": time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC),
		"2026-11-20t08:15:30.125z":  time.Date(2026, 11, 20, 8, 15, 30, 125e6, time.UTC),
	}
	for s, want := range cases {
		v1 := fmt.Sprintf(`{"id":"e1","time":%q,"action":"token.use","tenant":"acme","actor":{"id":"alice"}}`, s)
		for _, d := range []*decode.Decoder{newDecoder(t), newDecoder(t).GeneralOnly()} {
			require.Equal(t, want, decodeOK(t, d, v1).Time, "v1 %s", s)
		}
		ev, _, err := decodeAs(t, "", ctRecord(`,"eventTime":"`+s+`"`))
		require.NoError(t, err, s)
		require.Equal(t, want, ev.Time, "cloudtrail %s", s)
		ev, _, err = decodeAs(t, "", vaultEntry("secret/x", "read", set("time", s)))
		require.NoError(t, err, s)
		require.Equal(t, want, ev.Time, "vault %s", s)
	}
	for _, s := range []string{"2026-11-20T08:15:60Z", "2016-12-30T23:59:60Z"} {
		_, _, err := decodeAs(t, "", ctRecord(`,"eventTime":"`+s+`"`))
		requireRefused(t, err, "eventTime", decode.ReasonBadTime, s)
	}
}
