package decode_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// TestSecretObjectDataNeverKept: a Secret's data and stringData, as a
// Kubernetes audit event at RequestResponse level or an OCSF event's
// unmapped part carries it, are replaced in raw, attrs and dead letters.
func TestSecretObjectDataNeverKept(t *testing.T) {
	const value = "c3VwZXItc2VjcmV0LXBhc3N3b3Jk" // base64, matches no pattern
	secret := `{"kind":"Secret","apiVersion":"v1","metadata":{"name":"db"},"data":{"config.json":"` + value + `"},"stringData":{"x":"plain-` + value + `"}}`
	list := `{"kind":"SecretList","items":[{"metadata":{"name":"a"},"data":{"k":"` + value + `"}}]}`
	msgs := map[string]string{
		"k8s response":  `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"a1","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/ns/secrets/db","verb":"get","user":{"username":"alice"},"sourceIPs":["203.0.113.4"],"objectRef":{"resource":"secrets","namespace":"ns","name":"db","apiVersion":"v1"},"responseStatus":{"code":200},"responseObject":` + secret + `,"requestReceivedTimestamp":"2026-11-20T08:00:00.000000Z","stageTimestamp":"2026-11-20T08:00:00.010000Z"}`,
		"k8s list":      `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"a2","stage":"ResponseComplete","verb":"list","user":{"username":"bob"},"objectRef":{"resource":"secrets","namespace":"ns"},"responseStatus":{"code":200},"responseObject":` + list + `,"stageTimestamp":"2026-11-20T08:00:00Z"}`,
		"ocsf unmapped": `{"class_uid":6003,"time":1795162530000,"metadata":{"uid":"o1"},"api":{"operation":"create"},"actor":{"user":{"uid":"carol"}},"unmapped":{"requestObject":` + secret + `}}`,
	}
	// The same objects stringified, as some exporters keep unmapped fields,
	// with spaces after the colons, inside a list, and stringified twice.
	spaced := strings.NewReplacer(`":`, `": `, `,"`, `, "`).Replace(secret)
	for i, obj := range []string{secret, spaced, list, "[" + spaced + "]", quoted(t, spaced)} {
		str, err := json.Marshal(obj)
		require.NoError(t, err)
		msgs[fmt.Sprint("ocsf unmapped string ", i)] = `{"class_uid":6003,"time":1795162530000,"metadata":{"uid":"s` + fmt.Sprint(i) +
			`"},"api":{"operation":"PutSecretValue"},"actor":{"user":{"uid":"carol"}},"unmapped":{"requestObject":` + string(str) + `,"x":[` + string(str) + `]}}`
	}
	d := newDecoder(t).WithSources(decode.Sources{DefaultTenant: "acme"})
	for name, msg := range msgs {
		for _, kept := range storedTexts(t, d, name, msg) {
			require.NotContains(t, kept, value, name)
		}
		require.NotContains(t, string(d.Scrub([]byte(msg))), value, name+": dead letter")
	}
}

// quoted is s as a JSON string.
func quoted(t *testing.T, s string) string {
	b, err := json.Marshal(s)
	require.NoError(t, err)
	return string(b)
}

// storedTexts decodes msg, which must give events without an error, and
// returns what each event keeps: its raw text and its JSON, joined.
func storedTexts(t *testing.T, d *decode.Decoder, name, msg string) []string {
	o := decodeOutcome(d, []byte(msg))
	require.Nil(t, o.Error, name)
	require.NotEmpty(t, o.Events, name)
	var texts []string
	for _, ev := range o.Events {
		b, err := json.Marshal(ev.Event)
		require.NoError(t, err)
		texts = append(texts, ev.Raw+"\n"+string(b))
	}
	return texts
}
