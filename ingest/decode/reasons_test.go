package decode_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

const base = `"id":"e1","time":"2026-11-20T08:15:30Z","action":"token.use","tenant":"acme","actor":{"id":"alice"}`

func TestRejectionsNameFieldAndReason(t *testing.T) {
	cases := []struct {
		name, msg, field, reason string
	}{
		{"empty", ``, "", decode.ReasonNotJSON},
		{"string", `"hello"`, "", decode.ReasonType},
		{"trailing garbage", `{` + base + `} x`, "", decode.ReasonNotJSON},
		{"missing tenant", `{"id":"e1","time":"2026-11-20T08:15:30Z","action":"a","actor":{"id":"x"}}`, "tenant", decode.ReasonMissing},
		{"missing actor", `{"id":"e1","time":"2026-11-20T08:15:30Z","action":"a","tenant":"t"}`, "actor", decode.ReasonMissing},
		{"empty actor id", `{"id":"e1","time":"2026-11-20T08:15:30Z","action":"a","tenant":"t","actor":{"id":""}}`, "actor.id", decode.ReasonMissing},
		{"missing time", `{"id":"e1","action":"a","tenant":"t","actor":{"id":"x"}}`, "time", decode.ReasonMissing},
		{"numeric id", `{"id":5,"time":"2026-11-20T08:15:30Z","action":"a","tenant":"t","actor":{"id":"x"}}`, "id", decode.ReasonType},
		{"scopes not array", `{` + base + `,"token":{"scopes":"read"}}`, "token.scopes", decode.ReasonType},
		{"scope not string", `{` + base + `,"token":{"scopes":[1]}}`, "token.scopes[]", decode.ReasonType},
		{"bad token kind", `{` + base + `,"token":{"kind":"magic"}}`, "token.kind", decode.ReasonInvalid},
		{"bad created_at", `{` + base + `,"token":{"created_at":"yesterday"}}`, "token.created_at", decode.ReasonBadTime},
		{"lat out of range", `{` + base + `,"source":{"lat":91,"lon":0}}`, "source.lat", decode.ReasonInvalid},
		{"negative asn", `{` + base + `,"source":{"asn":-1}}`, "source.asn", decode.ReasonInvalid},
		{"fractional asn", `{` + base + `,"source":{"asn":1.5}}`, "source.asn", decode.ReasonInvalid},
		{"internal not bool", `{` + base + `,"source":{"internal":"yes"}}`, "source.internal", decode.ReasonType},
		{"bad phase", `{` + base + `,"workload":{"phase":"deploy"}}`, "workload.phase", decode.ReasonInvalid},
		{"long user agent", `{` + base + `,"source":{"user_agent":"` + strings.Repeat("a", 2049) + `"}}`, "source.user_agent", decode.ReasonTooLong},
		{"invalid utf8", "{" + base + `,"session_id":"` + "\xff\xfe" + `"}`, "session_id", decode.ReasonInvalid},
		{"ocsf time string", `{"class_uid":6003,"time":"now","metadata":{"uid":"u","tenant_uid":"t"}}`, "time", decode.ReasonBadTime},
		{"ocsf no tenant", `{"class_uid":6003,"time":1,"metadata":{"uid":"u"},"api":{"operation":"x"},"actor":{"user":{"uid":"a"}}}`, "tenant", decode.ReasonMissing},
		{"ocsf class string", `{"class_uid":"6003"}`, "class_uid", decode.ReasonType},
	}
	d := newDecoder(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := d.Decode([]byte(c.msg))
			var de *decode.Error
			require.True(t, errors.As(err, &de), "want a *decode.Error, got %v", err)
			require.Equal(t, c.field, de.Field, de.Error())
			require.Equal(t, c.reason, de.Reason, de.Error())
			require.True(t, de.Permanent())
		})
	}
}

func TestTooLarge(t *testing.T) {
	msg := []byte(`{` + base + `,"attrs":{"pad":"` + strings.Repeat("a", 1<<20) + `"}}`)
	_, err := newDecoder(t).Decode(msg)
	var de *decode.Error
	require.True(t, errors.As(err, &de))
	require.Equal(t, decode.ReasonTooLarge, de.Reason)
}
