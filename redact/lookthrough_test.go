package redact_test

import (
	"encoding/base64"
	"fmt"
	"html"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// wrapped spells text the ways logs carry JSON or scripts inside other
// text: percent-encoded in a query or a path, HTML-escaped (named or
// numeric entities) in an attribute, base64 (padded or not, standard or
// URL alphabet) in a header, each alone and inside a JSON message.
func wrapped(text string) []string {
	std, raw := base64.StdEncoding.EncodeToString([]byte(text)), base64.RawURLEncoding.EncodeToString([]byte(text))
	numeric := strings.ReplaceAll(html.EscapeString(text), "&#34;", "&#x22;")
	plain := []string{
		"GET /cb?state=" + url.QueryEscape(text) + "&lang=en HTTP/1.1",
		"https://app.example.com/r/" + url.PathEscape(text),
		`<input type="hidden" name="ctx" value="` + html.EscapeString(text) + `">`,
		"data-ctx=" + strings.ReplaceAll(html.EscapeString(text), "&#34;", "&quot;"),
		"data-ctx=" + numeric,
		"X-Session-Data: " + std,
		"session=" + raw + "; Path=/",
		"GET /cb?state=" + everyByteEscaped(text),
		"GET /login?next=" + url.QueryEscape("/cb?state="+url.QueryEscape(text)),
		"data-ctx=" + strings.ReplaceAll(html.EscapeString(text), "&#34;", "&#034;"),
		"data-ctx=" + strings.ReplaceAll(html.EscapeString(text), "&#34;", "&#34"),
		"data-ctx=" + html.EscapeString(html.EscapeString(text)),
	}
	out := plain
	for _, p := range plain {
		out = append(out, `{"cmdline":"`+strings.ReplaceAll(p, `"`, `\"`)+`","user":"alice"}`)
	}
	return out
}

// everyByteEscaped percent-encodes every byte of text, upper- and
// lower-case hex by turns, as some clients do.
func everyByteEscaped(text string) string {
	var b strings.Builder
	for i := range len(text) {
		f := "%%%02X"
		if i%2 == 1 {
			f = "%%%02x"
		}
		fmt.Fprintf(&b, f, text[i])
	}
	return b.String()
}

func TestSecretsSpelledInAnotherEncoding(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, secret := range []string{"UjhKngUGgy94Y64AE2", "Zq9!x#Lm&v<2 k7"} {
		for _, text := range []string{
			`{"username":"alice","password":"` + secret + `"}`,
			`{"client_secret": "` + secret + `", "client_id": "web"}`,
			`{'api_key': '` + secret + `'}`,
			"#!/bin/bash\nexport DB_PASSWORD='" + secret + "'\n./run\n",
			"#cloud-config\nwrite_files:\n  - content: |\n      token: " + secret + "\n",
			`{ "username": "alice", "password": "` + secret + `" }`,
			"[\n  {\"name\": \"smtp\", \"password\": \"" + secret + "\"}\n]",
			"apiVersion: v1\nkind: Secret\nstringData:\n  password: '" + secret + "'\n",
			"---\ndb:\n  password: '" + secret + "'\n",
			"<powershell>\n$env:DB_PASSWORD = '" + secret + "'\n</powershell>",
			"Content-Type: multipart/mixed; boundary=\"B\"\nMIME-Version: 1.0\n\n--B\nContent-Type: text/x-shellscript\n\n" +
				"#!/bin/bash\nexport DB_PASSWORD='" + secret + "'\n--B--\n",
			"export API_TOKEN='" + secret + "'\n",
		} {
			for _, in := range wrapped(text) {
				out, kinds := r.Message([]byte(in))
				require.NotEmpty(t, kinds, in)
				for _, form := range []string{secret, url.QueryEscape(secret), url.PathEscape(secret), html.EscapeString(secret), everyByteEscaped(secret)} {
					require.NotContains(t, string(out), form, in)
				}
				_, again := r.Message(out)
				require.Empty(t, again, "%s -> %s", in, out)
			}
		}
	}
}

// TestEncodedTextWithoutSecrets: the same encodings of ordinary text, and
// marks inside ids and hashes, stay as they are.
func TestEncodedTextWithoutSecrets(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, text := range []string{
		`{"page":2,"sort":"name","filter":"tokens"}`,
		`{"user":"alice","theme":"dark","password_changed":true}`,
		"#!/bin/bash\necho deploying\n./run --env prod\n",
		`{ "page": 2, "sort": "name" }`,
		"apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: info\n",
		"<powershell>\nInstall-WindowsFeature Web-Server\n</powershell>",
	} {
		requireUntouched(t, r, wrapped(text)...)
	}
	requireUntouched(t, r,
		`{"sha":"9eyjb1c0ffee5eyj","id":"a-ew0k-iyev","blob":"eyJhbGciOi"}`,
		"X-Data: "+base64.StdEncoding.EncodeToString([]byte{0xff, 0xfe, 0x7b, 0x22, 0x00, 0x01, 0x80, 0x90, 0xa0, 0xb0, 0xc0, 0xd0}),
		`price %22 off &quot;today&quot; &amp; tomorrow`,
	)
}

// TestKubectlSecretLiterals: every --from-literal value of kubectl create
// secret, whatever its key, quoting, flag order or the JSON around it; a
// ConfigMap's literals stay.
func TestKubectlSecretLiterals(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	vs := []string{"KdwwwURzPAaiBVOi", "x9#Qm2vLp0", "hunter2hunter"}
	for _, line := range []string{
		"kubectl create secret generic stripe --from-literal=STRIPE_LIVE=" + vs[0] + " --from-literal=PIN=" + vs[1] + " --from-literal=db=" + vs[2],
		"kubectl -n payments create secret generic app --from-literal 'A=" + vs[0] + "' --from-literal='B=" + vs[1] + "' --from-literal=\"C=" + vs[2] + "\" --dry-run=client -o yaml",
		"oc create secret generic x --type=Opaque --from-literal=k1=" + vs[0] + " --from-file=ca.crt --from-literal=k2=" + vs[1] + " --from-literal=k3=" + vs[2],
	} {
		for _, in := range []string{line, `{"cmdline":"` + strings.ReplaceAll(line, `"`, `\"`) + `"}`} {
			out, kinds := r.Message([]byte(in))
			require.NotEmpty(t, kinds, in)
			for _, v := range vs {
				require.NotContains(t, string(out), v, in)
			}
			require.Contains(t, string(out), "create secret generic", in)
		}
	}
	requireUntouched(t, r, "kubectl create configmap app --from-literal=LOG_LEVEL=debug --from-literal=REGION=eu-west-1")
}
