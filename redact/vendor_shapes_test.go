package redact_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/redact"
)

// requireScrubbed checks Message, as ingest calls it, left no secret in
// any of ins (decoding JSON escapes first, for JSON in a JSON string).
func requireScrubbed(t *testing.T, r *redact.Redactor, secret string, ins ...string) {
	t.Helper()
	for _, in := range ins {
		out, kinds := r.Message([]byte(in))
		plain := strings.ReplaceAll(strings.ReplaceAll(string(out), `\\`, `\`), `\/`, `/`)
		require.NotContains(t, plain, secret, in)
		require.NotEmpty(t, kinds, in)
		if json.Valid([]byte(in)) {
			require.True(t, json.Valid(out), "%s -> %s", in, out)
		}
	}
}

// requireUntouched checks Message left each of ins as it was.
func requireUntouched(t *testing.T, r *redact.Redactor, ins ...string) {
	t.Helper()
	for _, in := range ins {
		out, kinds := r.Message([]byte(in))
		require.Empty(t, kinds, in)
		require.Equal(t, in, string(out))
	}
}

// TestURLUserinfo: the password of scheme://user:password@host, as clone
// URLs, DSNs and connection strings carry it; the user stays readable.
func TestURLUserinfo(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const pw = "Hunter2-pass"
	requireScrubbed(t, r, pw,
		`{"url":"https://user:`+pw+`@example.com/path"}`,
		`{"url":"https:\/\/user:`+pw+`@example.com\/path"}`,
		`{"msg":"git clone https://x-access-token:`+pw+`@github.com/o/r.git failed"}`,
		`{"DB_URL":"postgres://app:`+pw+`@db:5432/app?sslmode=require"}`,
		`{"dsn":"mongodb+srv://admin:`+pw+`@cluster0.mongodb.net/test"}`,
		`{"dsn":"redis://:`+pw+`@redis:6379/0"}`,
		`{"dsn":"mysql://root:`+pw+`@tcp(db:3306)/app"}`,
		`{"log":"{\"url\":\"amqp://guest:`+pw+`@rabbit:5672/\"}"}`,
		`proxy http://u:`+pw+`@10.0.0.1:3128 and more`,
		`'https://user:`+pw+`@host'`,
	)
	out, _ := r.String(`{"url":"https://x-access-token:` + pw + `@github.com/o/r.git"}`)
	require.Contains(t, out, `"https://x-access-token:redacted:`)
	requireUntouched(t, r,
		`{"url":"https://user@example.com/path"}`, `{"url":"ssh://git@github.com:22/o/r.git"}`,
		`{"url":"https://registry.npmjs.org:443/@babel/core"}`, `{"url":"http://[2001:db8::1]:8080/x@y"}`,
		`{"url":"https://medium.com/@user/post"}`, `{"url":"http://example.com:8080/a"}`,
		`{"arn":"arn:aws:iam::123456789012:role/deploy-ci"}`,
	)
}

// TestNameValuePairs: a secret named by one member and held by the next,
// as Kubernetes and ECS environments, CodeBuild variables and
// CloudFormation parameters write it.
func TestNameValuePairs(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const pw = "Hunter2-pass"
	requireScrubbed(t, r, pw,
		`{"env":[{"name":"DB_PASSWORD","value":"`+pw+`"}]}`,
		`{"env":[{"name":"x","value":"y"},{"name": "API_TOKEN", "value": "`+pw+`"}]}`,
		`{"environment":[{"name":"OPENAI_API_KEY","value":"`+pw+`","type":"PLAINTEXT"}]}`,
		`{"parameters":[{"parameterKey":"DBPassword","parameterValue":"`+pw+`"}]}`,
		`{"Parameters":[{"ParameterKey":"MasterUserPassword","ParameterValue":"`+pw+`"}]}`,
		`{"Tags":[{"Key":"client_secret","Value":"`+pw+`"}]}`,
		`{"last-applied":"{\"env\":[{\"name\":\"DB_PASSWORD\",\"value\":\"`+pw+`\"}]}"}`,
	)
	requireUntouched(t, r,
		`{"env":[{"name":"DB_HOST","value":"db.internal"},{"name":"SECRET_NAME","value":"OPENAI_API_KEY"}]}`,
		`{"secret":{"id":"sec_77","name":"OPENAI_API_KEY","tenant":"acme"}}`,
		`{"env":[{"name":"DB_PASSWORD","valueFrom":{"secretKeyRef":{"name":"db","key":"password"}}}]}`,
		`{"env":[{"name":"TOKEN_ID","value":"tok_1"}]}`,
	)
}

// TestSpacedFieldNames: a quoted field name may spell its words apart.
func TestSpacedFieldNames(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const pw = "Hunter2-pass"
	requireScrubbed(t, r, pw,
		`{"api key":"`+pw+`"}`, `{"API Key": "`+pw+`"}`, `{"client secret":"`+pw+`"}`,
		`{"a":{"Access Token":"`+pw+`"}}`, `{"Private Key":"`+pw+`"}`, `{"Key Password": "`+pw+`"}`,
		`{"Secret Access Key":"`+pw+`"}`, `{"log":"{\"api key\":\"`+pw+`\"}"}`,
	)
	requireUntouched(t, r, `{"note":"the secret store","secret name":"OPENAI_API_KEY","api key id":"k-1"}`,
		`{"Logon Information":{"Elevated Token":"Yes","Password Last Set":"3/12/2021"}}`)
	for name, secret := range map[string]bool{"API Key": true, "Secret Access Key": true, "Elevated Token": false, "Password Last Set": false} {
		got, _ := r.Field(name, pw)
		require.Equal(t, secret, got != pw, name)
	}
}
