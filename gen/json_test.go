package gen_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

var tricky = []string{
	"", "plain", `"quoted"`, `back\slash\`, "new\nline\ttab\rcr\bbs\fff",
	"\x00\x01\x1f\x7f", "ünïcödé ✓ 日本語 🎉", "\u2028\u2029", "<script>&amp;</script>",
	"\xff\xfe", "cut\xc3", "\xed\xa0\x80 surrogate", "\ufffd", "{\"a\":[1]}", strings.Repeat("x\\\"", 100),
}

// full is an event with every field set to s.
func full(s string) event.Event {
	at := time.Date(2025, 1, 2, 3, 4, 5, 678_000_000, time.UTC)
	return event.Event{ID: s, Time: at, Action: s, Outcome: s, Tenant: s,
		Actor:    event.Actor{ID: s, Type: s, Tenants: []string{s, s}},
		Token:    event.Token{ID: s, Kind: s, Scopes: []string{s}, Owner: s, Tenant: s, Workload: s, CreatedAt: at.Add(-time.Hour)},
		Secret:   event.Secret{ID: s, Name: s, Tenant: s, Workload: s},
		Resource: event.Resource{Type: s, ID: s, Visibility: s},
		Source:   event.Source{IP: s, ASN: 4294967295, ASOrg: s, Country: s, Lat: -33.87, Lon: 151.21, UserAgent: s, Internal: true},
		Workload: event.Workload{ID: s, BuildID: s, Phase: s}, SessionID: s, RequestID: s,
		Attrs: map[string]string{s: s, "k" + s: s + "v"}, Format: s, Redactions: []string{s, s}}
}

// decode parses b, failing the test unless it is valid JSON for an event.
func decode(t *testing.T, b []byte) event.Event {
	t.Helper()
	require.True(t, json.Valid(b), "%q", b)
	var ev event.Event
	require.NoError(t, json.Unmarshal(b, &ev))
	return ev
}

func TestAppendJSONEscapesAnyString(t *testing.T) {
	for _, s := range tricky {
		ev := full(s)
		ours := gen.AppendJSON(nil, &ev)
		std, err := json.Marshal(&ev)
		require.NoError(t, err)
		require.Equal(t, decode(t, std), decode(t, ours), "%q", s)
		require.NotContains(t, string(ours), "\n")
	}
}

func TestAppendJSONOmitsEmptyOptionalFields(t *testing.T) {
	ev := event.Event{ID: "e1", Time: time.Date(2025, 1, 2, 3, 4, 5, 6_999_999, time.FixedZone("X", 3600)),
		Action: "token.use", Tenant: "acme", Actor: event.Actor{ID: "alice"}, Source: event.Source{HasGeo: true}}
	got := gen.AppendJSON([]byte("prefix "), &ev)
	require.Equal(t, `prefix {"id":"e1","time":"2025-01-02T02:04:05.006Z","action":"token.use","tenant":"acme",`+
		`"actor":{"id":"alice"},"source":{"lat":0,"lon":0}}`, string(got))
}

func TestAppendJSONWritesFieldsInContractOrder(t *testing.T) {
	ev := full("v")
	require.Equal(t, `{"id":"v","time":"2025-01-02T03:04:05.678Z","action":"v","outcome":"v","tenant":"v",`+
		`"actor":{"id":"v","type":"v","tenants":["v","v"]},`+
		`"token":{"id":"v","kind":"v","scopes":["v"],"owner":"v","tenant":"v","workload":"v","created_at":"2025-01-02T02:04:05.678Z"},`+
		`"secret":{"id":"v","name":"v","tenant":"v","workload":"v"},"resource":{"type":"v","id":"v","visibility":"v"},`+
		`"source":{"ip":"v","asn":4294967295,"as_org":"v","country":"v","lat":-33.87,"lon":151.21,"user_agent":"v","internal":true},`+
		`"workload":{"id":"v","build_id":"v","phase":"v"},"session_id":"v","request_id":"v",`+
		`"attrs":{"kv":"vv","v":"v"},"format":"v","redactions":["v","v"]}`, string(gen.AppendJSON(nil, &ev)))
}

func TestAppendJSONNumbersAreShortest(t *testing.T) {
	for _, v := range []float64{0, -0.5, 1, 10, 40.71, -122.42, 0.01, -0.07, 151.2, 89.99, 123.456, 12345678.9, 0.1 + 0.2} {
		ev := event.Event{Source: event.Source{Lat: v, Lon: -v, HasGeo: true}}
		lat, _ := json.Marshal(v)
		lon, _ := json.Marshal(-v)
		require.Contains(t, string(gen.AppendJSON(nil, &ev)), `"lat":`+string(lat)+`,"lon":`+string(lon))
	}
}

func TestAppendJSONEscapesAtEveryPosition(t *testing.T) {
	for _, special := range []string{`"`, `\`, "\n", "\x00", "\x1f", " ", "~", "\x7f", "é", "\xff", "\u2028", "🎉"} {
		for p := range 20 {
			s := strings.Repeat("a", p) + special + strings.Repeat("b", 19-p)
			var got string
			ev := decode(t, gen.AppendJSON(nil, &event.Event{ID: s}))
			want, _ := json.Marshal(s)
			require.NoError(t, json.Unmarshal(want, &got))
			require.Equal(t, got, ev.ID, "%q", s)
		}
	}
}
