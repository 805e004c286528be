package decode_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// TestRemainderKeepsOnlyWhatTheMappingDidNotCarry: a contract event's
// remainder holds its unknown members, nested and escaped as they came, and
// nothing a column holds; a secret in an unknown member is scrubbed there.
func TestRemainderKeepsOnlyWhatTheMappingDidNotCarry(t *testing.T) {
	base := `"id":"e-1","time":"2026-11-20T08:00:00Z","action":"secret.read","tenant":"acme","actor":{"id":"ann","type":"user"}`
	cases := map[string]struct{ extra, want string }{
		"all mapped":                {``, ``},
		"unknown scalar":            {`,"note":"x"`, `{"note":"x"}`},
		"unknown member of actor":   {`,"actor2":1,"source":{"ip":"203.0.113.9","rack":"r7"}`, `{"actor2":1,"source":{"rack":"r7"}}`},
		"escaped key and value":     {`,"we\"ird\u0001":"a\\b\n"`, `{"we\"ird\u0001":"a\\b\n"}`},
		"array and empty object":    {`,"tags":["a","b"],"empty":{}`, `{"tags":["a","b"],"empty":{}}`},
		"mapped array left out":     {`,"token":{"id":"tok_1","scopes":["read","write"]}`, ``},
		"attrs carried":             {`,"attrs":{"k":"v"}`, ``},
		"unknown first, then known": {`,"zz":{"a":{"b":true}},"request_id":"r-1"`, `{"zz":{"a":{"b":true}}}`},
		// fastjson would write these, once unescaped, as Go's \x7f and \a: no JSON
		"delete and bell in an array": {`,"z":[{"q":"\u007f\b\u0007\u0000"}]`, `{"z":[{"q":"\u007f\b\u0007\u0000"}]}`},
	}
	for name, c := range cases {
		msg := `{` + base + c.extra + `}`
		if name == "unknown first, then known" {
			msg = `{"zz":{"a":{"b":true}},` + base + `,"request_id":"r-1"}`
		}
		evs, err := newDecoder(t).CarryRemainder().DecodeMessage([]byte(msg), "t")
		require.NoError(t, err, name)
		require.Len(t, evs, 1, name)
		if c.want == "" {
			require.Empty(t, evs[0].Unmapped, name)
			continue
		}
		require.JSONEq(t, c.want, string(evs[0].Unmapped), name)
	}
	secret := "ghp_" + strings.Repeat("A1b2C3d4", 5)[:36]
	evs, err := newDecoder(t).CarryRemainder().DropOriginal().DecodeMessage([]byte(`{`+base+`,"debug":{"header":"token `+secret+`"}}`), "t")
	require.NoError(t, err)
	require.NotContains(t, string(evs[0].Unmapped), secret)
	require.Contains(t, string(evs[0].Unmapped), "redacted:")
	require.Nil(t, evs[0].Raw, "DropOriginal keeps no raw")
	var rest map[string]any
	require.NoError(t, json.Unmarshal(evs[0].Unmapped, &rest))
}

// TestWrittenBackJSONIsJSON: strings holding DEL, BEL or NUL next to an
// escape stay JSON wherever the decoder writes a message back: in an
// unmapped remainder of any vendor, in each record of a CloudTrail or Azure
// file, and as a key.
func TestWrittenBackJSONIsJSON(t *testing.T) {
	odd := `"\u007f\b\u0007\u0000x"`
	for name, msg := range map[string]string{
		"Azure record":         kvEntry(set("debug", obj{"a": []any{obj{"b": "\u007f\b\u0007\u0000x"}}})),
		"Azure file":           `{"records":[` + kvEntry(set("note", "\u007f\b\u0007")) + `]}`,
		"CloudTrail file":      `{"Records":[` + ctRecord(`,"requestParameters":{"q":[`+odd+`]}`) + `]}`,
		"CloudTrail, odd key":  ctRecord(`,"extra":{"k\u007f\b":` + odd + `}`),
		"Entra sign-in, array": spSignIn(set("properties.networkLocationDetails", []any{"\u007f\b"})),
	} {
		evs, err := newDecoder(t).CarryRemainder().WithSources(decode.Sources{DefaultTenant: "t"}).DecodeMessage([]byte(msg), "t")
		require.NoError(t, err, name)
		require.NotEmpty(t, evs, name)
		for _, ev := range evs {
			require.True(t, json.Valid(ev.Raw), "%s raw: %q", name, ev.Raw)
			require.True(t, len(ev.Unmapped) == 0 || json.Valid(ev.Unmapped), "%s unmapped: %q", name, ev.Unmapped)
		}
	}
}
