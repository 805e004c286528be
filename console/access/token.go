package access

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"strings"
)

// A token is tokenPrefix, a public id of tokenIDLen hex characters, "_", and
// a secret of secretLen random bytes in base64url without padding.
const (
	tokenPrefix = "cwk_"
	tokenIDLen  = 12
	secretLen   = 32
	// tokenLen is the length of every well-formed token.
	tokenLen = len(tokenPrefix) + tokenIDLen + 1 + (secretLen*8+5)/6
)

// newToken returns a fresh random token and its parts.
func newToken() (token, id string, secret []byte, err error) {
	idBytes := make([]byte, tokenIDLen/2)
	secret = make([]byte, secretLen)
	if _, err := rand.Read(idBytes); err != nil {
		return "", "", nil, fmt.Errorf("token id: %w", err)
	}
	if _, err := rand.Read(secret); err != nil {
		return "", "", nil, fmt.Errorf("token secret: %w", err)
	}
	id = hex.EncodeToString(idBytes)
	return tokenPrefix + id + "_" + base64.RawURLEncoding.EncodeToString(secret), id, secret, nil
}

// parseToken splits a token into its id and secret, or reports false when
// it is not exactly of the form newToken makes. The error-free signature
// keeps the caller from echoing token material into messages.
func parseToken(token string) (id string, secret []byte, ok bool) {
	if len(token) != tokenLen || !strings.HasPrefix(token, tokenPrefix) {
		return "", nil, false
	}
	rest := token[len(tokenPrefix):]
	id, enc := rest[:tokenIDLen], rest[tokenIDLen:]
	if !isLowerHex(id) || enc[0] != '_' {
		return "", nil, false
	}
	secret, err := base64.RawURLEncoding.Strict().DecodeString(enc[1:])
	if err != nil || len(secret) != secretLen {
		return "", nil, false
	}
	return id, secret, true
}

// isLowerHex reports whether s is only 0-9 and a-f.
func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
