package decode_test

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// ocsfMsg builds an OCSF event from a base and overrides (nil deletes).
func ocsfMsg(t *testing.T, class int, over map[string]any) []byte {
	doc := map[string]any{
		"class_uid": class, "activity_id": 1, "time": 1795162530123, "status_id": 1,
		"metadata": map[string]any{"uid": "u-1", "version": "1.3.0"},
		"actor":    map[string]any{"user": map[string]any{"uid": "alice", "type_id": 1}},
	}
	for k, v := range over {
		if v == nil {
			delete(doc, k)
		} else {
			doc[k] = v
		}
	}
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	return b
}

func decodeWith(t *testing.T, tenant string, msg []byte) (event.Event, error) {
	d := newDecoder(t).WithSources(decode.Sources{DefaultTenant: tenant})
	return d.Decode(msg)
}

func TestOCSFTimeUnits(t *testing.T) {
	want := time.Date(2026, 11, 20, 8, 15, 30, 0, time.UTC)
	for name, v := range map[string]any{
		"seconds": want.Unix(), "fractional seconds": float64(want.Unix()) + 0.0001, "milliseconds": want.UnixMilli(),
		"microseconds": want.UnixMicro(), "nanoseconds": want.UnixNano(), "ms as string": "1795162530000",
	} {
		for _, class := range []int{6003, 3002} {
			ev, err := decodeWith(t, "t", ocsfMsg(t, class, map[string]any{"time": v, "api": map[string]any{"operation": "x"}}))
			require.NoError(t, err, name)
			require.Equal(t, want, ev.Time, "%s class %d", name, class)
		}
	}
	ev, err := decodeWith(t, "t", ocsfMsg(t, 3002, map[string]any{"time_dt": "2026-11-20T09:00:00.5+01:00"}))
	require.NoError(t, err)
	require.Equal(t, want.Add(-15*time.Minute-30*time.Second+500*time.Millisecond), ev.Time, "time_dt wins")
}

func TestOCSFOutcome(t *testing.T) {
	cases := []struct {
		over map[string]any
		want string
	}{
		{map[string]any{"status_id": 1}, "success"},
		{map[string]any{"status_id": 2}, "failure"},
		{map[string]any{"status_id": 0}, event.OutcomeUnknown},
		{map[string]any{"status_id": 99}, event.OutcomeUnknown},
		{map[string]any{"status_id": nil}, event.OutcomeUnknown},
		{map[string]any{"status_id": nil, "status": "Success"}, "success"},
		{map[string]any{"status_id": nil, "status": "Failure"}, "failure"},
		{map[string]any{"status_id": 1, "disposition_id": 2}, "denied"},
	}
	for _, c := range cases {
		ev, err := decodeWith(t, "t", ocsfMsg(t, 3002, c.over))
		require.NoError(t, err)
		require.Equal(t, c.want, ev.Outcome, "%v", c.over)
	}
}

func TestOCSFTenantSources(t *testing.T) {
	user := func(extra map[string]any) map[string]any {
		u := map[string]any{"uid": "alice"}
		for k, v := range extra {
			u[k] = v
		}
		return map[string]any{"user": u}
	}
	cases := []struct {
		name string
		over map[string]any
		want string
	}{
		{"metadata", map[string]any{"metadata": map[string]any{"uid": "u", "tenant_uid": "m"}}, "m"},
		{"cloud account", map[string]any{"cloud": map[string]any{"account": map[string]any{"uid": "111122223333"}}}, "111122223333"},
		{"cloud account as ARN", map[string]any{"cloud": map[string]any{"account": map[string]any{"uid": "arn:aws:sts::444455556666:assumed-role/x/y"}}}, "444455556666"},
		{"actor account", map[string]any{"actor": user(map[string]any{"account": map[string]any{"uid": "acct-2"}})}, "acct-2"},
		{"account_uid", map[string]any{"actor": user(map[string]any{"account_uid": "acct-3"})}, "acct-3"},
		{"unmapped org", map[string]any{"unmapped": map[string]any{"org": "octo"}}, "octo"},
		{"unmapped recipient", map[string]any{"unmapped": map[string]any{"recipientAccountId": "777"}}, "777"},
		{"user org", map[string]any{"actor": user(map[string]any{"org": map[string]any{"name": "acme"}})}, "acme"},
		{"default", map[string]any{}, "fallback"},
		// A machine's or directory's account (Windows writes the user's SID), one of no known type (Okta
		// writes the user's id) or the user's own (Box) is no tenant.
		{"Windows account", map[string]any{"actor": user(map[string]any{"account": map[string]any{"uid": "S-1-5-21-1-500", "type_id": 2, "type": "Windows Account"}})}, "fallback"},
		{"LDAP account by caption", map[string]any{"actor": user(map[string]any{"account": map[string]any{"uid": "cn=alice", "type": "LDAP Account"}})}, "fallback"},
		{"unknown account", map[string]any{"actor": user(map[string]any{"account": map[string]any{"uid": "00u1jos4", "type_id": 0, "type": "Unknown"}})}, "fallback"},
		{"the user's own account", map[string]any{"actor": user(map[string]any{"account": map[string]any{"uid": "alice", "type_id": 99}})}, "fallback"},
		{"AWS account", map[string]any{"actor": user(map[string]any{"account": map[string]any{"uid": "111122223333", "type_id": 10}})}, "111122223333"},
		{"a SaaS account", map[string]any{"actor": user(map[string]any{"account": map[string]any{"uid": "acme-org", "type_id": 99, "type": "GitHub Org"}})}, "acme-org"},
	}
	for _, c := range cases {
		ev, err := decodeWith(t, "fallback", ocsfMsg(t, 6003, merge(c.over, map[string]any{"api": map[string]any{"operation": "op"}})))
		require.NoError(t, err, c.name)
		require.Equal(t, c.want, ev.Tenant, c.name)
	}
	_, err := decodeWith(t, "", ocsfMsg(t, 6003, map[string]any{"api": map[string]any{"operation": "op"}}))
	require.ErrorContains(t, err, "default tenant")
}

func merge(a, b map[string]any) map[string]any {
	out := map[string]any{}
	for _, m := range []map[string]any{b, a} {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// TestOCSFFarEpochSecondsAreFuture: seconds beyond what nanoseconds hold
// (past 2262) are far future, refused as such, and never wrap into the past;
// seconds before 1970 are the past they name, back to 1677 (earlier ones
// are refused: see time_range_test.go).
func TestOCSFFarEpochSecondsAreFuture(t *testing.T) {
	for _, secs := range []float64{9.3e9, 2.5e10, 5e10, 9.9999e10, 9.3e9 + 0.5} {
		for _, class := range []int{6003, 3002} {
			_, err := decodeWith(t, "t", ocsfMsg(t, class, map[string]any{"time": secs, "api": map[string]any{"operation": "x"}}))
			var de *decode.Error
			require.ErrorAs(t, err, &de, "%v s, class %d", secs, class)
			require.Equal(t, decode.ReasonFuture, de.Reason, "%v s, class %d: %v", secs, class, err)
		}
	}
	for _, secs := range []float64{-9.2e9, -5e9, -1e9 - 0.25} {
		ev, err := decodeWith(t, "t", ocsfMsg(t, 6003, map[string]any{"time": secs, "api": map[string]any{"operation": "x"}}))
		require.NoError(t, err, "%v s", secs)
		require.Equal(t, int64(math.Floor(secs)), ev.Time.Unix(), "%v s", secs)
	}
}
