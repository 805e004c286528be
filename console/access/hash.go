package access

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"
)

// argon2id parameters for new hashes: RFC 9106's second recommended option
// with a lighter time cost, as a token secret has 256 bits of entropy.
const (
	hashTime    = 1
	hashMemory  = 64 * 1024 // KiB
	hashThreads = 2
	hashKeyLen  = 32
	hashSaltLen = 16
	// maxMemory bounds what a stored hash may ask for (a corrupt row must
	// not allocate without limit).
	maxMemory = 256 * 1024
)

// hashSecret returns the PHC-style argon2id string of secret with a fresh
// random salt.
func hashSecret(secret []byte) (string, error) {
	salt := make([]byte, hashSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash salt: %w", err)
	}
	key := argon2.IDKey(secret, salt, hashTime, hashMemory, hashThreads, hashKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, hashMemory, hashTime, hashThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// verifySecret reports whether secret matches the PHC string phc, comparing
// in constant time. A malformed phc is an error.
func verifySecret(phc string, secret []byte) (bool, error) {
	p, err := parsePHC(phc)
	if err != nil {
		return false, err
	}
	key := argon2.IDKey(secret, p.salt, p.time, p.memory, p.threads, uint32(len(p.key)))
	return subtle.ConstantTimeCompare(key, p.key) == 1, nil
}

// phc is a parsed argon2id hash string.
type phc struct {
	memory, time uint32
	threads      uint8
	salt, key    []byte
}

// parsePHC parses $argon2id$v=19$m=M,t=T,p=P$salt$key, bounding the costs.
func parsePHC(s string) (phc, error) {
	var p phc
	parts := strings.Split(s, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return p, fmt.Errorf("token hash: not an argon2id v=%d hash", argon2.Version)
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return p, fmt.Errorf("token hash: parameters %q: %w", parts[3], err)
	}
	if p.memory == 0 || p.memory > maxMemory || p.time == 0 || p.time > 10 || p.threads == 0 {
		return p, fmt.Errorf("token hash: parameters %q out of range", parts[3])
	}
	var err error
	if p.salt, err = base64.RawStdEncoding.DecodeString(parts[4]); err != nil || len(p.salt) < 8 {
		return p, fmt.Errorf("token hash: bad salt")
	}
	if p.key, err = base64.RawStdEncoding.DecodeString(parts[5]); err != nil || len(p.key) < 16 || len(p.key) > 64 {
		return p, fmt.Errorf("token hash: bad key")
	}
	return p, nil
}
