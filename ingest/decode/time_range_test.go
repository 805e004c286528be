package decode_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// Detection receives events as Unix nanoseconds in an int64 (event.AppendWire),
// which wraps outside 1677-09-21 … 2262-04-11: a year-1000 time arrived as
// 2153, far ahead of every later event. Such times are refused, never kept.

// wireRoundTrip is ev as detection reads it.
func wireRoundTrip(t *testing.T, ev event.Event) event.Event {
	var got event.Event
	require.NoError(t, event.DecodeWire(event.AppendWire(nil, &ev), &got))
	return got
}

func TestEventTimesBeyondTheWireAreRefused(t *testing.T) {
	v1 := `{"id":"e1","time":%q,"action":"token.use","tenant":"acme","actor":{"id":"alice"}}`
	cases := []struct{ name, msg, field, reason string }{
		{"v1 year 1000", fmt.Sprintf(v1, "1000-01-01T00:00:00Z"), "time", decode.ReasonBadTime},
		{"v1 year -1 by offset", fmt.Sprintf(v1, "0000-01-01T00:00:00+23:59"), "time", decode.ReasonBadTime},
		{"v1 just before 1677-09-21", fmt.Sprintf(v1, "1677-09-21T00:00:00Z"), "time", decode.ReasonBadTime},
		{"ocsf seconds, year 1675", string(ocsfMsg(t, 6003, obj{"time": -9.3e9, "api": obj{"operation": "x"}})), "time", decode.ReasonBadTime},
		{"ocsf seconds, year 385", string(ocsfMsg(t, 3002, obj{"time": -5e10})), "time", decode.ReasonBadTime},
		{"ocsf string seconds", string(ocsfMsg(t, 3002, obj{"time": "-1e10"})), "time", decode.ReasonBadTime},
		{"ocsf time_dt falls back to a bad time", string(ocsfMsg(t, 3002, obj{"time_dt": "1500-01-01T00:00:00Z", "time": -9.9e9})), "time", decode.ReasonBadTime},
		{"github ms, year 1653", ghEntry(`,"@timestamp":-1e13`), "@timestamp", decode.ReasonBadTime},
		{"cloudtrail year 1001", ctRecord(`,"eventTime":"1001-01-01T00:00:00Z"`), "eventTime", decode.ReasonBadTime},
		{"vault year 0001", vaultEntry("secret/x", "read", set("time", "0001-01-01T00:00:00Z")), "time", decode.ReasonBadTime},
	}
	for _, c := range cases {
		for _, d := range []*decode.Decoder{newDecoder(t), newDecoder(t).GeneralOnly()} {
			de := rejection(t, d.WithSources(decode.Sources{DefaultTenant: "t"}), c.msg)
			require.Equal(t, c.field, de.Field, c.name)
			require.Equal(t, c.reason, de.Reason, "%s: %v", c.name, de)
		}
	}
}

func TestEventTimesWithinTheWireSurviveIt(t *testing.T) {
	for _, secs := range []float64{-9.2e9, -1e9 - 0.25, -1, 1795162530.5} {
		ev, err := decodeWith(t, "t", ocsfMsg(t, 3002, obj{"time": secs}))
		require.NoError(t, err, "%v s", secs)
		require.Equal(t, ev.Time, wireRoundTrip(t, ev).Time, "%v s", secs)
	}
	ev := decodeOK(t, newDecoder(t), `{"id":"e1","time":"1677-09-22T00:00:00Z","action":"a","tenant":"acme","actor":{"id":"alice"}}`)
	require.Equal(t, time.Date(1677, 9, 22, 0, 0, 0, 0, time.UTC), wireRoundTrip(t, ev).Time)
}
