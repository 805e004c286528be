package webhook

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
)

// Bounds on a webhook-signature header, so that a hostile header costs
// little to reject.
const (
	MaxSignatureHeaderLength = 4096
	MaxSignatureEntries      = 16
	maxVersionLength         = 8
	maxSignatureValueLength  = 256
)

// Signature is one "version,value" entry of a webhook-signature header.
// Value is the base64 text as sent. Entries of versions other than
// VersionHMAC (e.g. "v1a", asymmetric) are kept but not verified.
type Signature struct {
	Version string
	Value   string
}

// ParseSignatureHeader splits a webhook-signature header into its
// space-delimited "version,base64" entries (extra spaces are ignored).
// Versions are lower-case letters and digits; values are standard base64;
// a "v1" value must decode to an HMAC-SHA256 (32 bytes). Errors name the
// entry by position and never quote the header.
func ParseSignatureHeader(s string) ([]Signature, error) {
	if len(s) > MaxSignatureHeaderLength {
		return nil, fmt.Errorf("signature header is %d bytes, longer than %d", len(s), MaxSignatureHeaderLength)
	}
	var out []Signature
	for entry := range strings.SplitSeq(s, " ") {
		if entry == "" {
			continue
		}
		if len(out) == MaxSignatureEntries {
			return nil, fmt.Errorf("signature header has more than %d entries", MaxSignatureEntries)
		}
		sig, err := parseSignature(entry)
		if err != nil {
			return nil, fmt.Errorf("signature entry %d: %w", len(out)+1, err)
		}
		out = append(out, sig)
	}
	if len(out) == 0 {
		return nil, errors.New("signature header has no entries")
	}
	return out, nil
}

// parseSignature parses one "version,value" entry.
func parseSignature(entry string) (Signature, error) {
	version, value, ok := strings.Cut(entry, ",")
	switch {
	case !ok:
		return Signature{}, errors.New(`not "version,signature"`)
	case version == "" || len(version) > maxVersionLength || !isVersion(version):
		return Signature{}, fmt.Errorf("version must be 1 to %d lower-case letters or digits", maxVersionLength)
	case value == "" || len(value) > maxSignatureValueLength:
		return Signature{}, fmt.Errorf("signature must be 1 to %d characters", maxSignatureValueLength)
	}
	decoded, err := base64.StdEncoding.DecodeString(value)
	if err != nil {
		return Signature{}, errors.New("signature is not standard base64")
	}
	if version == VersionHMAC && len(decoded) != sha256.Size {
		return Signature{}, fmt.Errorf("v1 signature is %d bytes, want %d", len(decoded), sha256.Size)
	}
	return Signature{Version: version, Value: value}, nil
}

// isVersion reports whether s holds only lower-case ASCII letters and digits.
func isVersion(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// String is the entry as sent, "version,value".
func (s Signature) String() string { return s.Version + "," + s.Value }
