package redact_test

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBareDERKeys: private keys as bare base64 (no PEM armour) in every
// encoding Go writes them, on one line or wrapped at 64 columns, in a JSON
// field, a YAML value or a shell line, are redacted; a certificate is not a key.
func TestBareDERKeys(t *testing.T) {
	r := newRedactor(t, "0123456789abcdef")
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	_, edKey, err := ed25519.GenerateKey(rand.Reader)
	require.NoError(t, err)
	sec1, err := x509.MarshalECPrivateKey(ecKey)
	require.NoError(t, err)
	ders := [][]byte{x509.MarshalPKCS1PrivateKey(rsaKey), sec1}
	for _, k := range []any{rsaKey, ecKey, edKey} {
		der, err := x509.MarshalPKCS8PrivateKey(k)
		require.NoError(t, err)
		ders = append(ders, der)
	}
	for _, der := range ders {
		b64 := base64.StdEncoding.EncodeToString(der)
		secret := b64[len(b64)-24 : len(b64)-4]
		wrapped := wrap64(b64)
		requireScrubbed(t, r, secret, `{"kid":"2026-q4","key":"`+b64+`"}`, "signing:\n  key: "+b64+"\n",
			`{"key":"`+strings.ReplaceAll(wrapped, "\n", `\n`)+`"}`, "export SIGNING_KEY="+b64)
	}
	jks := base64.StdEncoding.EncodeToString(append([]byte{0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2, 0, 0, 0, 1}, der64(300)...))
	requireScrubbed(t, r, jks[40:60], `{"keystore":"`+jks+`"}`)
	requireUntouched(t, r, `{"cert":"MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJRTES"}`)
}

func wrap64(s string) string {
	var lines []string
	for len(s) > 64 {
		lines, s = append(lines, s[:64]), s[64:]
	}
	return strings.Join(append(lines, s), "\n")
}

// der64 is n bytes of key-like noise.
func der64(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return b
}
