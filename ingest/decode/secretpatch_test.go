package decode_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// TestSecretPatchAndAppliedConfigNeverKept: kubectl apply of a Secret
// that exists sends a patch, an object with no kind, and any apply keeps
// the whole Secret, data and all, in a last-applied-configuration
// annotation (a JSON string); neither value may be kept.
func TestSecretPatchAndAppliedConfigNeverKept(t *testing.T) {
	const value = "c3VwZXItc2VjcmV0LXBhc3N3b3Jk" // base64, matches no pattern
	applied, err := json.Marshal(`{"apiVersion":"v1","data":{"tls.key":"` + value + `"},"kind":"Secret","metadata":{"name":"db","namespace":"ns"}}` + "\n")
	require.NoError(t, err)
	meta := `"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":` + string(applied) + `}}`
	event := func(verb, object string) string {
		return `{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"RequestResponse","auditID":"a-` + verb + `","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/ns/secrets/db","verb":"` + verb + `","user":{"username":"alice"},"sourceIPs":["203.0.113.4"],"objectRef":{"resource":"secrets","namespace":"ns","name":"db","apiVersion":"v1"},"responseStatus":{"code":200},` + object + `,"stageTimestamp":"2026-11-20T08:00:00Z"}`
	}
	msgs := map[string]string{
		"patch":            event("patch", `"requestObject":{"data":{"tls.key":"`+value+`"},`+meta+`}`),
		"create annotated": event("create", `"requestObject":{"kind":"Secret","apiVersion":"v1",`+meta+`,"data":{"x":"eA=="}}`),
		"stringData patch": event("patch", `"requestObject":{"stringData":{"k":"plain-`+value+`"}}`),
		"json patch":       event("patch", `"requestObject":[{"op":"replace","path":"/data/k","value":"`+value+`"},{"op":"add","path":"/data","value":{"k2":"`+value+`"}}]`),
	}
	d := newDecoder(t).WithSources(decode.Sources{DefaultTenant: "acme"})
	for name, msg := range msgs {
		for _, kept := range storedTexts(t, d, name, msg) {
			require.NotContains(t, kept, value, name)
		}
		require.NotContains(t, string(d.Scrub([]byte(msg))), value, name+": dead letter")
	}
}
