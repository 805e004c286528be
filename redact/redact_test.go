package redact_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/redact"
)

func newRedactor(t testing.TB, key string) *redact.Redactor {
	r, err := redact.New([]byte(key))
	require.NoError(t, err)
	return r
}

func TestDetectsEveryKind(t *testing.T) {
	cases := map[string]string{
		"huggingface_token": "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH",
		"github_token":      "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ",
		"aws_access_key":    "ASIAIOSFODNN7EXAMPLE",
		"slack_token":       "xoxp-1234567890-abcdef",
		"openai_key":        "sk-abcdefghijklmnopqrstuvwx",
		"gitlab_token":      "glpat-abcdefghijklmnopqrst",
		"jwt":               "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhIn0.",
		"private_key":       "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIB\n-----END EC PRIVATE KEY-----",
	}
	r := newRedactor(t, "0123456789abcdef")
	for kind, secret := range cases {
		out, kinds := r.String("before " + secret + " after")
		require.Equal(t, []string{kind}, kinds, secret)
		require.NotContains(t, out, secret)
		require.True(t, strings.HasPrefix(out, "before "+redact.Prefix), out)
	}
}

func TestLeavesOrdinaryTextAlone(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, s := range []string{
		"ghost town", "task-runner-7", "AKIA", "hf_short", "sk-short", "eyJhbGciOi only a header",
		"space:acme/chatbot", "OPENAI_API_KEY", "-----BEGIN PUBLIC KEY-----",
		"3f6c2a9e-8d7b-4c1a-9e2f-0b1c2d3e4f5a", "arn:aws:iam::123456789012:role/deploy-ci",
		"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf",
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "9f2a4c1d0e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49",
		"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
		"curl/8.4.0", "aws-cli/2.15.0 Python/3.11.6 Darwin/23.1.0 exe/x86_64 prompt/off", "python-requests/2.31.0",
		"::ffff:10.1.2.3", "2001:db8::8a2e:370:7334", "203.0.113.42", "2026-11-20T08:15:30.123456Z",
		"2026-11-20T08:15:30+02:00", "SHA256:k9f2aQ0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9+/=",
		"hmac-sha256:5473cc64458f840d6105a4b11a8d2a9e61b4ebd21d1c327fb6436ae4651ace52",
		"projects/acme-prod/secrets/db-password/versions/3", "kv/data/app/config", "secrets:read token:write",
		"system:serviceaccount:kube-system:replicaset-controller", "inference.serverless.write repo.content.read",
		"us-east-1 eu-west-2 ap-southeast-1", "sts.amazonaws.com secretsmanager.amazonaws.com",
	} {
		out, kinds := r.String(s)
		require.Empty(t, kinds, s)
		require.Equal(t, s, out)
	}
}

// TestLeavesOrdinaryEventsAlone: typical events of every format pass as
// they are, the very same slice.
func TestLeavesOrdinaryEventsAlone(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	for _, ev := range []string{
		cleanEvent,
		`{"action":"oauth_access.create","actor":"octocat","hashed_token":"SHA256:k9f2aQ0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9+/=","token_id":1234567,"token_scopes":"repo,workflow","programmatic_access_type":"OAuth access token","user_agent":"GitHub-Hookshot/5b1e0a7","created_at":1700000000000,"@timestamp":1700000000000,"_document_id":"X0q_L6b1uOkS2a1pQ3zZ9w"}`,
		`{"eventVersion":"1.09","userIdentity":{"type":"AssumedRole","principalId":"AROAEXAMPLEID:alice","arn":"arn:aws:sts::123456789012:assumed-role/dev/alice","accessKeyId":"redacted:0123456789abcdef","sessionContext":{"attributes":{"creationDate":"2026-11-20T08:00:00Z","mfaAuthenticated":"false"}}},"eventSource":"secretsmanager.amazonaws.com","eventName":"GetSecretValue","requestParameters":{"secretId":"arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf","versionStage":"AWSCURRENT"},"responseElements":null,"requestID":"6c7a1b2c-3d4e-5f60-7182-93a4b5c6d7e8","eventID":"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"}`,
		`{"kind":"Event","apiVersion":"audit.k8s.io/v1","level":"Metadata","auditID":"a1b2c3d4-e5f6-7890-abcd-ef0123456789","stage":"ResponseComplete","requestURI":"/api/v1/namespaces/prod/secrets/db-credentials","verb":"get","user":{"username":"system:serviceaccount:prod:app","uid":"7f3c9a2e-1b4d-4e8f-9a6c-2d5e8f1b3c7a","groups":["system:serviceaccounts"]},"sourceIPs":["10.0.0.12"],"userAgent":"kubectl/v1.29.0 (linux/amd64) kubernetes/3f7a2b1","objectRef":{"resource":"secrets","namespace":"prod","name":"db-credentials"}}`,
		`{"time":"2026-11-20T09:06:00Z","type":"response","auth":{"accessor":"hmac-sha256:5473cc64458f840d6105a4b11a8d2a9e61b4ebd21d1c327fb6436ae4651ace52","display_name":"oidc-user@email.com","policies":["default"],"token_type":"service","token_ttl":2764800},"request":{"id":"bb72d8e3-4f5a-6b7c-8d9e-0f1a2b3c4d5e","operation":"read","path":"secret/data/cli","remote_address":"192.168.105.22"}}`,
	} {
		msg := []byte(ev)
		for _, f := range []func([]byte) ([]byte, []string){r.Bytes, r.Message} {
			out, kinds := f(msg)
			require.Empty(t, kinds, ev)
			require.Same(t, &msg[0], &out[0], ev)
		}
	}
}

func TestReferenceIsKeyedAndStable(t *testing.T) {
	a, b := newRedactor(t, "key-a-0123456789"), newRedactor(t, "key-b-0123456789")
	secret := []byte("hf_abcdefghijklmnopqrstuvwxyzABCDEFGH")
	require.Equal(t, a.Reference(secret), a.Reference(secret))
	require.NotEqual(t, a.Reference(secret), b.Reference(secret))
	require.Len(t, a.Reference(secret), len(redact.Prefix)+16)
	_, err := redact.New([]byte("short"))
	require.Error(t, err)
}

// FuzzRedact: Bytes and Message leave nothing a second pass would find, and
// valid JSON stays valid.
func FuzzRedact(f *testing.F) {
	f.Add([]byte(`{"a":"hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"}`))
	f.Add([]byte(`{"k":"-----BEGIN RSA PRIVATE KEY-----\nAAAA\"x"}`))
	f.Add([]byte(`hf_0000000000000000000000glpat-00000000000000000000`))
	f.Add([]byte(`{"password":"a\"b","tokens":["x"],"api_key":["k1","k2"],"secret":{"id":"s"}}`))
	f.Add([]byte(`{"a":"\u0068f_abcdefghijklmnopqrstuvwxyzABCDEFGH","b":"\ud83d\ude00"}`))
	f.Add([]byte(`{"log":"DB_PASSWORD=x\nAuthorization: Bearer y","n":{"\"client_secret\":\"z\""}}`))
	f.Add([]byte(`{"note":"\u0068f_abcdefghijklmnopqrstuvwxyzABCDEFGH","unterminated":`))
	f.Add([]byte(`datadog_key=0123456789012345678901234567890123456789 sk_live_4eC39HqLyjWDarjtT1zdp7dc`))
	f.Add([]byte(`{"discord_token": 123456789012345678 }`))
	f.Add([]byte(`{"env":[{"value":"a\"b","name":"DB_PASS"}],"log":"{\"value\":\"x\",\"name\":\"SSH_KEY\"}"}`))
	f.Add([]byte(`{"args":["--db-password","v","--token", "w"],"cmd":"run --api-key k --x"}`))
	f.Add([]byte(`{"u":"https://h/p?a=1&sig=s%3D&amp;key=k\u0026signature=x","d":"postgres://u:pa/ss@h:1/db"}`))
	f.Add([]byte(`GET /cb?state=%7B%22password%22%3A%22%55jhKng%2BUGgy94%22%7D&x=&quot;token&quot;:&quot;a&amp;bcdefgh1&quot;`))
	f.Add([]byte(`{"h":"X-Session-Data: eyJwYXNzd29yZCI6ICJCNjFkTkh0cHZOcWJIbkZpaFcifQ==","u":"IyEvYmluL3NoCmV4cG9ydCBUT0tFTj1hYmMxMjM0NTY3"}`))
	r := newRedactor(f, "0123456789abcdef")
	f.Fuzz(func(t *testing.T, in []byte) {
		for name, scrub := range map[string]func([]byte) ([]byte, []string){"Bytes": r.Bytes, "Message": r.Message} {
			out, _ := scrub(append([]byte(nil), in...))
			if _, again := scrub(append([]byte(nil), out...)); len(again) > 0 {
				t.Fatalf("%s output still holds %v: %q", name, again, out)
			}
			if json.Valid(in) && !json.Valid(out) {
				t.Fatalf("%s broke JSON: %q -> %q", name, in, out)
			}
		}
	})
}
