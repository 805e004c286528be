package redact_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/redact"
)

// requireRedacted checks that out no longer holds secret, that valid JSON
// stayed valid, and that the kinds are want.
func requireRedacted(t *testing.T, in, out string, kinds []string, secret string, want ...string) {
	t.Helper()
	require.NotContains(t, out, secret, in)
	require.Equal(t, want, kinds, in)
	require.Contains(t, out, redact.Prefix, in)
	if json.Valid([]byte(in)) {
		require.True(t, json.Valid([]byte(out)), "%s -> %s", in, out)
	}
}

func TestSecretFieldValues(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for key, value := range map[string]string{
		"SecretString": "s3cr3t-v@lue", "password": "hunter2", "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
		"secretAccessKey": "wJalrXUtnFEMI/K7MDENG", "sessionToken": "IQoJb3JpZ2luX2VjEHAaCXVz", "Authorization": "Bearer abc.def",
		"client_secret": "x", "private_key": "MIIEvQIBADANBg", "github_token": "foo", "PASSWD": "p", "db-pwd": "p4",
		"passphrase": "correct horse", "api_key": "k-1", "apiKey": "k-2", "x-api-key": "k-3", "access_token": "at",
		"refresh_token": "rt", "id_token": "it", "Cookie": "sid=1", "set-cookie": "sid=2; HttpOnly", "credentials": "c",
		"auth_token": "a1", "security_token": "st", "token": "plain", "privateKey": "pk", "AccountKey": "ak==",
	} {
		for _, tmpl := range []string{`{%q:%q}`, `{"a":1,"n":{"m":[{%q: %q}]}}`, `[{"q":"y"},{%q :%q,"z":2}]`} {
			in := jsonf(tmpl, key, value)
			out, kinds := r.Bytes([]byte(in))
			requireRedacted(t, in, string(out), kinds, `"`+value+`"`, redact.KindField)
		}
		got, kinds := r.Field(key, value)
		require.Equal(t, []string{redact.KindField}, kinds, key)
		require.True(t, strings.HasPrefix(got, redact.Prefix), key)
	}
}

// jsonf fills the %q verbs of tmpl with JSON strings.
func jsonf(tmpl string, args ...string) string {
	for _, a := range args {
		b, _ := json.Marshal(a)
		tmpl = strings.Replace(tmpl, "%q", string(b), 1)
	}
	return tmpl
}

func TestSecretFieldEdgeCases(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for in, secret := range map[string]string{
		`{"password":"a\"b\\c\u00e9"}`:                    `a\"b`,
		`{"password":"x","password":"y"}`:                 `"y"`,
		`{"api_keys":["t1","t2"],"n":1}`:                  `"t2"`,
		`{"msg":"{\"password\":\"hunter2\"}"}`:            `hunter2`,
		`{"msg":"{\"client_secret\": \"abc\", \"a\":1}"}`: `abc`,
		`{"password":"trunc`:                              `trunc`,
		`{'password': 'hunter2'}`:                         `hunter2`,
	} {
		out, kinds := r.Bytes([]byte(in))
		require.NotContains(t, string(out), secret, in)
		require.NotEmpty(t, kinds, in)
		if json.Valid([]byte(in)) {
			require.True(t, json.Valid(out), "%s -> %s", in, out)
		}
	}
	for _, in := range []string{`{"password":""}`, `{"password": ""}`, `{"password":"redacted:0123456789abcdef"}`} {
		out, kinds := r.Bytes([]byte(in))
		require.Empty(t, kinds, in)
		require.Equal(t, in, string(out))
	}
}

func TestMetadataFieldsStay(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, in := range []string{
		`{"secretId":"prod/db"}`, `{"secret_name":"OPENAI_API_KEY"}`, `{"secretArn":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"}`,
		`{"token_id":"tok_1"}`, `{"token_type":"service"}`, `{"hashed_token":"SHA256:k9f2aQ0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9+/="}`,
		`{"token_scopes":"repo"}`, `{"credential_uid":"c-1"}`, `{"secret":{"id":"s1"}}`, `{"token":{"id":"t"}}`,
		`{"tokenCount":"3"}`, `{"password_changed_at":"2026-01-02T03:04:05Z"}`, `{"secret_version":"v7"}`,
		`{"token_ttl":"3600"}`, `{"secret_path":"kv/data/app"}`, `{"client_secret_expires_at":"never"}`,
		`{"token":{"id":"t","kind":"fine_grained","owner":"alice","tenant":"acme","workload":"space:acme/bot"}}`,
		`{"action":"secret.read","secret":{"id":"sec_77","name":"OPENAI_API_KEY"},"scopes":["secrets:read","token:write"]}`,
		`{"token_hash":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855","key_fingerprint":"SHA256:abc"}`,
		`{"password":123,"secret":true,"token":null,"api_key":{"id":"k1"}}`,
		`{"heroku_app_id":"01234567-89ab-cdef-0123-456789abcdef","discord_client_id":"123456789012345678"}`,
		`{"requestParameters":{"secretIdList":["arn:aws:secretsmanager:us-east-1:000000000:secret:MyTestSecret-nxYStj","prod/db"]}}`,
		`{"secret_id_list":["prod/db"],"tokenIdList":["tok_1"],"SECRET-NAME-LIST":["OPENAI_API_KEY"],"secretArnList":["arn:aws:secretsmanager:eu-west-1:1:secret:a"]}`,
	} {
		out, kinds := r.Bytes([]byte(in))
		require.Empty(t, kinds, in)
		require.Equal(t, in, string(out))
		got, kinds := r.Field("secret_name", "OPENAI_API_KEY")
		require.Empty(t, kinds)
		require.Equal(t, "OPENAI_API_KEY", got)
	}
}

func TestSecretAssignments(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for in, secret := range map[string]string{
		"AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY": "wJalrXUtnFEMI",
		"DB_PASSWORD=hunter2":                                           "hunter2",
		"export GITHUB_TOKEN=foo; next":                                 "foo",
		"run --password=x --verbose":                                    "=x ",
		"password: hunter2":                                             "hunter2",
		"login failed password = 'hunter 2' again":                      "hunter 2",
		`{"log":"env DB_PASSWORD=hunter2\nHOME=/root"}`:                 "hunter2",
		`{"cmd":"psql \"host=db password=pg-s3cret sslmode=require\""}`: "pg-s3cret",
		"GET /cb?code=1&access_token=ya29.abc&state=2":                  "ya29.abc",
		"curl/8 Authorization: Bearer abc.def.ghi":                      "abc.def",
		"DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=c2VjcmV0a2V5Cg==;EndpointSuffix=core.windows.net": "c2VjcmV0a2V5Cg",
	} {
		out, kinds := r.Bytes([]byte(in))
		require.NotContains(t, string(out), secret, in)
		require.Equal(t, []string{redact.KindAssignment}, kinds, in)
		if json.Valid([]byte(in)) {
			require.True(t, json.Valid(out), "%s -> %s", in, out)
		}
	}
	for _, in := range []string{"secrets:read", "SECRET_NAME=OPENAI_API_KEY", "token_id=tok_1", "password == other", "the secret store"} {
		out, kinds := r.Bytes([]byte(in))
		require.Empty(t, kinds, in)
		require.Equal(t, in, string(out))
	}
}
