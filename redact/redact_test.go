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
	} {
		out, kinds := r.String(s)
		require.Empty(t, kinds, s)
		require.Equal(t, s, out)
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

// FuzzRedact: the output holds no credential, and valid JSON stays valid.
func FuzzRedact(f *testing.F) {
	f.Add([]byte(`{"a":"hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"}`))
	f.Add([]byte(`{"k":"-----BEGIN RSA PRIVATE KEY-----\nAAAA\"x"}`))
	f.Add([]byte(`hf_0000000000000000000000glpat-00000000000000000000`))
	r := newRedactor(f, "0123456789abcdef")
	f.Fuzz(func(t *testing.T, in []byte) {
		out, _ := r.Bytes(append([]byte(nil), in...))
		if _, again := r.Bytes(append([]byte(nil), out...)); len(again) > 0 {
			t.Fatalf("output still holds %v: %q", again, out)
		}
		if json.Valid(in) && !json.Valid(out) {
			t.Fatalf("redaction broke JSON: %q -> %q", in, out)
		}
	})
}
