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
	for _, odd := range []string{pw + "#x9", "#" + pw, strings.Repeat(pw, 40), pw + "." + strings.Repeat("eyJzdWIiOiIxMjM0NTY3ODkwIn0", 30)} {
		requireScrubbed(t, r, pw, "psql postgres://app:"+odd+"@db/app", `{"dsn":"https://ci:`+odd+`@git.example.com/r.git"}`)
	}
	out, _ := r.String(`{"url":"https://x-access-token:` + pw + `@github.com/o/r.git"}`)
	require.Contains(t, out, `"https://x-access-token:redacted:`)
	requireUntouched(t, r,
		`{"url":"https://user@example.com/path"}`, `{"url":"ssh://git@github.com:22/o/r.git"}`,
		`{"url":"https://registry.npmjs.org:443/@babel/core"}`, `{"url":"http://[2001:db8::1]:8080/x@y"}`,
		`{"url":"https://medium.com/@user/post"}`, `{"url":"http://example.com:8080/a"}`,
		`{"arn":"arn:aws:iam::123456789012:role/deploy-ci"}`,
		`{"url":"https://docs.example.com/#/guide@v2"}`, `{"url":"http://example.com:8080/#top","by":"ops@example.com"}`,
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

// TestTeamsWebhook: a Teams incoming webhook's key path, in the case the
// URL was written, with or without the V2 key, plain or in JSON.
func TestTeamsWebhook(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, key := range []string{"vC22Xq5pLsOBmd5uFcN2CScI1MTvUlM8", "0f8a1b2c3d4e5f60718293a4b5c6d7e8"} {
		for _, tail := range []string{"", "/f2ca164c-5c23-b8bb-033a-72c72a49707b", "/f2ca164c-5c23-b8bb-033a-72c72a49707b/V2abcDEF0123456789_-xyzXYZ0123456789abcdEFGH"} {
			u := "https://acme.webhook.office.com/webhookb2/addad00b-0668-1aaa-66e8-f2dc10f4913b@f2ca164c-5c23-b8bb-033a-72c72a49707b/IncomingWebhook/" + key + tail
			requireScrubbed(t, r, key, "curl -X POST "+u+" -d @msg.json", `{"notify":{"url":"`+u+`"}}`)
		}
	}
	requireUntouched(t, r, `{"url":"https://acme.webhook.office.com/webhookb2/","doc":"IncomingWebhook setup"}`)
}

// TestSecureStringValue: an SSM parameter's value typed SecureString,
// whatever its name, with the type before or after the value and other
// members between, spaced or not, plain or with escaped slashes; a String
// parameter under an ordinary name stays.
func TestSecureStringValue(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "df2YEe6rSxCnopMEmJVQ"
	requireScrubbed(t, r, v,
		`{"requestParameters":{"name":"/myapp/prod/stripe-live","type":"SecureString","value":"`+v+`","overwrite":true}}`,
		`{"requestParameters": {"value": "`+v+`", "overwrite": true, "tier": "Standard", "type": "SecureString", "name": "x"}}`,
		`{"Type":"securestring","KeyId":"alias/aws/ssm","Description":"a, b","Value":"`+v+`"}`,
		`{"name":"\/prod\/db\/password","type":"String","value":"`+v+`"}`,
		`{"Name":"\/prod\/app\/api_key","Value":"`+v+`"}`,
	)
	requireUntouched(t, r,
		`{"name":"/myapp/prod/region","type":"String","value":"eu-west-1"}`,
		`{"name":"\/myapp\/prod\/region","type":"String","value":"eu-west-1"}`,
		`{"type":"SecureString","name":"/app/db-password","keyId":"alias/aws/ssm"}`,
	)
}

// TestEchoedValidationValues: AWS's validation errors echo the value they
// refused; under a member that holds a secret it is redacted, under any
// other it stays.
func TestEchoedValidationValues(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	const v = "PwNBmJaDtDLZc5t4!9"
	for _, member := range []string{"value", "secretString", "masterUserPassword", "parameters.1.member.value", "authToken", "SecretKey"} {
		msg := "1 validation error detected: Value '" + v + "' at '" + member + "' failed to satisfy constraint: Member must have length less than or equal to 4096"
		requireScrubbed(t, r, v, msg, `{"errorCode":"ValidationException","errorMessage":"`+msg+`"}`)
	}
	requireUntouched(t, r, `{"errorMessage":"1 validation error detected: Value 'my role!' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+"}`)
}

// TestPlaceholdersStay: a secret's name given a reference, a mask or
// MySQL's YES/NO keeps it; a real value beside them does not.
func TestPlaceholdersStay(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	requireUntouched(t, r,
		`{"db.yaml":"password: ${DB_PASSWORD}\nuser: app"}`, `password = var.db_password`, `{"password":"{{ .Values.db.password }}"}`,
		`DB_PASSWORD=$(cat /run/secrets/db)`, `password=********`, `{"api_key":"xxxxxxxx"}`,
		`ERROR 1045 (28000): Access denied for user 'app'@'10.0.0.5' (using password: YES)`,
		`password = local.db_password`, `{"secret":"%(db_secret)s"}`,
	)
	const v = "Hunter2-pass9"
	requireScrubbed(t, r, v, `password: `+v+`\nuser: ${USER}`, `{"password":"`+v+`","api_key":"********"}`, `DB_PASSWORD=`+v+` API_KEY=${API_KEY}`)
}
