package webhook

import (
	"encoding/base64"
	"errors"
	"fmt"
	"log/slog"
	"strings"
)

// SecretPrefix starts every serialized secret.
const SecretPrefix = "whsec_"

// Key sizes the specification allows: at least 24 bytes, at most 64 (512 bits).
const (
	MinSecretBytes = 24
	MaxSecretBytes = 64
)

// redactedSecret is what a Secret prints as, whatever the verb.
const redactedSecret = "whsec_[redacted]"

// Secret is the HMAC-SHA256 key shared by sender and receiver: the decoded
// bytes of a "whsec_<base64>" string. It never prints, logs or marshals its
// bytes: fmt, log/slog, encoding/json and encoding/text all see
// "whsec_[redacted]".
type Secret []byte

// ParseSecret decodes "whsec_" followed by the standard base64 encoding of
// a 24 to 64 byte key; white space around it is ignored. Errors say what is
// wrong and never quote s.
func ParseSecret(s string) (Secret, error) {
	encoded, ok := strings.CutPrefix(strings.TrimSpace(s), SecretPrefix)
	if !ok {
		return nil, errors.New("webhook secret: must start with " + SecretPrefix)
	}
	if encoded == "" {
		return nil, errors.New("webhook secret: nothing after " + SecretPrefix)
	}
	key, err := base64.StdEncoding.DecodeString(encoded)
	if err != nil {
		return nil, errors.New("webhook secret: the part after " + SecretPrefix + " is not standard base64")
	}
	if len(key) < MinSecretBytes || len(key) > MaxSecretBytes {
		return nil, fmt.Errorf("webhook secret: key is %d bytes, want %d to %d", len(key), MinSecretBytes, MaxSecretBytes)
	}
	return Secret(key), nil
}

// ParseSecrets parses each of ss (current first, then older ones during a
// rotation). It needs at least one; an error names the secret's position,
// never its value.
func ParseSecrets(ss []string) ([]Secret, error) {
	if len(ss) == 0 {
		return nil, errors.New("webhook secret: none given")
	}
	out := make([]Secret, 0, len(ss))
	for i, s := range ss {
		k, err := ParseSecret(s)
		if err != nil {
			return nil, fmt.Errorf("secret #%d: %w", i+1, err)
		}
		out = append(out, k)
	}
	return out, nil
}

// String hides the key.
func (Secret) String() string { return redactedSecret }

// Format hides the key for every fmt verb, %x and %#v included.
func (Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(redactedSecret)) }

// LogValue hides the key from log/slog.
func (Secret) LogValue() slog.Value { return slog.StringValue(redactedSecret) }

// MarshalText hides the key from encoding/json and other text encoders.
func (Secret) MarshalText() ([]byte, error) { return []byte(redactedSecret), nil }
