package redact_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// queryURLs are URLs whose query carries a credential as the value of
// param: an API key, a SAS or presigned URL's signature, a session token, an
// OAuth client secret or access token. Each is written first, last and in
// the middle of the query.
func queryURLs(param, v string) []string {
	return []string{
		"https://maps.googleapis.com/maps/api/geocode/json?" + param + "=" + v,
		"https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sp=r&" + param + "=" + v + "&se=2026-01-01T00%3A00Z",
		"https://b.s3.us-east-1.amazonaws.com/o.gz?X-Amz-Expires=900&" + param + "=" + v,
	}
}

// queryShapes puts u where events carry URLs, with & written as JSON and
// HTML escape it: a JSON field, plain log text, JSON inside a string, a
// Kubernetes audit requestURI, a CloudTrail requestParameters and a GitHub
// audit hook config.
func queryShapes(u string) []string {
	uni, html := strings.ReplaceAll(u, "&", `\u0026`), strings.ReplaceAll(u, "&", "&amp;")
	return []string{
		`{"url":"` + u + `"}`, `{"url":"` + uni + `"}`, `{"html":"<a href=\"` + html + `\">x</a>"}`,
		`GET ` + u + ` HTTP/1.1 200`, `{"log":"{\"url\":\"` + u + `\",\"status\":200}"}`,
		`{"apiVersion":"audit.k8s.io/v1","requestURI":"/api/v1/proxy?target=` + uni + `","verb":"get"}`,
		`{"eventSource":"s3.amazonaws.com","requestParameters":{"presignedUrl":"` + u + `"}}`,
		`{"action":"hook.create","config":{"url":"` + u + `","content_type":"json"}}`,
	}
}

func TestQuerySecrets(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "S3cr3tV4lue%2Bx%3D"
	for _, param := range []string{
		"key", "Key", "sig", "SIG", "signature", "Signature", "X-Amz-Signature", "x-amz-signature",
		"X-Amz-Security-Token", "X-Goog-Signature", "client_secret", "access_token", "token", "api_key",
	} {
		for _, u := range queryURLs(param, v) {
			requireScrubbed(t, r, v, queryShapes(u)...)
			out, _ := r.Message([]byte(`{"url":"` + u + `"}`))
			require.Contains(t, string(out), param+"=redacted:", u)
			require.Contains(t, string(out), u[:strings.IndexByte(u, '?')+1], u)
		}
	}
	// API Gateway and ALB events carry the query parsed.
	requireScrubbed(t, r, v, `{"queryStringParameters":{"X-Amz-Signature":"`+v+`","X-Amz-Expires":"900"}}`,
		`{"queryStringParameters":{"X-Goog-Signature":"`+v+`"}}`)
}

// TestOrdinaryQueries: the rest of a signed URL stays, as do the same words
// outside a query, parameters that only start like them, and an OAuth code
// (single use, minutes long, and "code" names far more that is not secret).
func TestOrdinaryQueries(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r,
		`{"url":"https://b.s3.amazonaws.com/o?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261120T081530Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"}`,
		`{"url":"https://acct.blob.core.windows.net/c/b?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-01-01&spr=https"}`,
		`{"url":"https://x.example/cb?code=4/0AY0e-g7abc&state=xyz&scope=email"}`,
		`{"url":"https://x.example/s?keyword=tokens&signed=1&sigma=2&design=a&monkey=1&key_id=k1&Key-Pair-Id=K2JCJ"}`,
		`{"key":"logs/2026/a.gz","signature":"MEUCIQDx1","sig":"ok","Signature":"-----BEGIN PGP SIGNATURE-----"}`,
		`lookup key=user:42 sig=valid signature=verified`, `{"log":"cache key=user:42; gpg signature=good"}`,
		`{"url":"https://x.example/a?key=&sig="}`,
	)
}
