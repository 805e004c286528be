package access

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestTokenRoundTrip(t *testing.T) {
	token, id, secret, err := newToken()
	require.NoError(t, err)
	require.Len(t, token, tokenLen)
	require.Regexp(t, `^cwk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$`, token)
	gotID, gotSecret, ok := parseToken(token)
	require.True(t, ok)
	require.Equal(t, id, gotID)
	require.Equal(t, secret, gotSecret)

	other, _, _, err := newToken()
	require.NoError(t, err)
	require.NotEqual(t, token, other)
}

// malformedTokens are strings no token may be; Authenticate tests use them too.
func malformedTokens() map[string]string {
	valid := "cwk_0123456789ab_" + base64.RawURLEncoding.EncodeToString(make([]byte, 32))
	return map[string]string{
		"empty":          "",
		"prefix only":    "cwk_",
		"wrong prefix":   "cwx" + valid[3:],
		"upper hex id":   "cwk_0123456789AB" + valid[16:],
		"non-hex id":     "cwk_0123456789zz" + valid[16:],
		"no separator":   "cwk_0123456789abX" + valid[17:],
		"short secret":   valid[:len(valid)-1],
		"long secret":    valid + "A",
		"padded secret":  valid[:len(valid)-1] + "=",
		"std base64":     valid[:len(valid)-1] + "+",
		"sql injection":  "cwk_' OR 1=1 --_" + strings.Repeat("A", 43),
		"sql in id":      "cwk_0' OR '1'='1" + valid[16:],
		"sql drop":       "'; DROP TABLE console_users; --",
		"huge":           "cwk_0123456789ab_" + strings.Repeat("A", 1<<20),
		"nul bytes":      "cwk_0123456789ab_" + strings.Repeat("\x00", 43),
		"non-canonical":  valid[:len(valid)-1] + "B", // last char carries unused bits
		"unicode":        "cwk_0123456789ab_" + strings.Repeat("é", 21) + "A",
		"bearer prefix":  "Bearer " + valid,
		"trailing space": valid + " ",
	}
}

func TestParseTokenRejectsMalformed(t *testing.T) {
	for name, s := range malformedTokens() {
		_, _, ok := parseToken(s)
		require.False(t, ok, name)
	}
}

func FuzzParseToken(f *testing.F) {
	token, _, _, err := newToken()
	require.NoError(f, err)
	f.Add(token)
	for _, s := range malformedTokens() {
		if len(s) < 4096 {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, secret, ok := parseToken(s)
		if !ok {
			return
		}
		// Whatever parses is canonical: it rebuilds to exactly s.
		require.Len(t, secret, secretLen)
		require.Equal(t, s, tokenPrefix+id+"_"+base64.RawURLEncoding.EncodeToString(secret))
	})
}

func TestHashSecret(t *testing.T) {
	secret := []byte("0123456789abcdef0123456789abcdef")
	h, err := hashSecret(secret)
	require.NoError(t, err)
	require.Regexp(t, `^\$argon2id\$v=19\$m=65536,t=1,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$`, h)
	ok, err := verifySecret(h, secret)
	require.NoError(t, err)
	require.True(t, ok)
	ok, err = verifySecret(h, []byte("0123456789abcdef0123456789abcdeX"))
	require.NoError(t, err)
	require.False(t, ok)
	h2, err := hashSecret(secret)
	require.NoError(t, err)
	require.NotEqual(t, h, h2, "salted")

	parts := strings.Split(h, "$")
	for name, bad := range map[string]string{
		"empty":       "",
		"argon2i":     strings.Replace(h, "argon2id", "argon2i", 1),
		"version":     strings.Replace(h, "v=19", "v=16", 1),
		"huge memory": strings.Replace(h, "m=65536", "m=4294967295", 1),
		"zero time":   strings.Replace(h, "t=1", "t=0", 1),
		"bad salt":    strings.Join([]string{"", parts[1], parts[2], parts[3], "!!", parts[5]}, "$"),
		"short key":   strings.Join([]string{"", parts[1], parts[2], parts[3], parts[4], "AAAA"}, "$"),
		"extra field": h + "$x",
	} {
		_, err := verifySecret(bad, secret)
		require.Error(t, err, name)
	}
}

func TestVerifiedCache(t *testing.T) {
	var c verified
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	u := User{Name: "alice", Role: Analyst, Tenants: []string{"acme"}}
	c.put("tok", u, now)
	got, ok := c.get("tok", now.Add(59*time.Second))
	require.True(t, ok)
	require.Equal(t, u, got)
	got.Tenants[0] = "changed"
	got, _ = c.get("tok", now)
	require.Equal(t, "acme", got.Tenants[0], "get returns a copy")
	_, ok = c.get("tok", now.Add(cacheTTL))
	require.False(t, ok, "expired after the TTL")

	c.put("tok", u, now)
	c.forget("alice")
	_, ok = c.get("tok", now)
	require.False(t, ok, "forgotten")

	for i := range cacheSize + 10 {
		c.put(strings.Repeat("x", i), u, now)
		require.LessOrEqual(t, len(c.entries), cacheSize)
	}
	c.put("tok", u, now)
	_, ok = c.entries[sha256.Sum256([]byte("tok"))]
	require.True(t, ok, "keyed by the token's SHA-256")
}
