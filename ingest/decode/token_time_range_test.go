package decode_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// A token's creation time travels to detection as the event's time does
// (see time_range_test.go), and is not held to the future window: past 2262
// it wrapped into the past. A vendor's is blanked with a warning; the
// contract's rejects the event.
func TestTokenTimesBeyondTheWireAreRefused(t *testing.T) {
	ocsfSession := func(created any) string {
		return string(ocsfMsg(t, 3002, obj{"session": obj{"uid": "s1", "credential_uid": "k1", "created_time": created}}))
	}
	cases := []struct{ name, format, msg, warning string }{
		{"ocsf seconds, year 5138", "", ocsfSession(9.9e10), "session.created_time:time_in_future"},
		{"ocsf ms, year 2263", "", ocsfSession(9.3e12), "session.created_time:time_in_future"},
		{"ocsf seconds, year 1600", "", ocsfSession(-1.1e10), "session.created_time:bad_time"},
		{"vault issue time, year 3000", "", vaultEntry("secret/x", "read", set("auth.token_issue_time", "3000-01-01T00:00:00Z")),
			"auth.token_issue_time:time_in_future"},
		{"cloudtrail session, year 1600", "", ctRecord(`,"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/r/s",` +
			`"accessKeyId":"ASIAEXAMPLE","sessionContext":{"attributes":{"creationDate":"1600-01-01T00:00:00Z"}}}`),
			"userIdentity.sessionContext.attributes.creationDate:bad_time"},
		{"cloudtrail basic form, year 9999", "", ctRecord(`,"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123456789012:assumed-role/r/s",` +
			`"accessKeyId":"ASIAEXAMPLE","sessionContext":{"attributes":{"creationDate":"99991231T000000Z"}}}`),
			"userIdentity.sessionContext.attributes.creationDate:time_in_future"},
	}
	for _, c := range cases {
		ev, _, err := decodeAs(t, c.format, c.msg)
		require.NoError(t, err, c.name)
		require.NotEmpty(t, ev.Token.ID, c.name)
		require.True(t, ev.Token.CreatedAt.IsZero(), "%s: %v", c.name, ev.Token.CreatedAt)
		require.Contains(t, ev.Warnings, c.warning, c.name)
	}
	v1 := `{"id":"e1","time":"2026-11-20T08:00:00Z","action":"token.use","tenant":"acme","actor":{"id":"alice"},` +
		`"token":{"id":"k1","created_at":%q}}`
	for when, reason := range map[string]string{"2263-01-01T00:00:00Z": decode.ReasonFuture, "9999-12-31T23:59:59Z": decode.ReasonFuture,
		"1000-01-01T00:00:00Z": decode.ReasonBadTime} {
		for _, d := range []*decode.Decoder{newDecoder(t), newDecoder(t).GeneralOnly()} {
			de := rejection(t, d, fmt.Sprintf(v1, when))
			require.Equal(t, "token.created_at", de.Field, when)
			require.Equal(t, reason, de.Reason, "%s: %v", when, de)
		}
	}
}
