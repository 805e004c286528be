package webhook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Header names of Standard Webhooks (compared case-insensitively on the wire).
const (
	HeaderID        = "webhook-id"
	HeaderTimestamp = "webhook-timestamp"
	HeaderSignature = "webhook-signature"
)

// VersionHMAC identifies an HMAC-SHA256 signature ("v1,<base64>").
const VersionHMAC = "v1"

// MaxIDLength is the longest webhook id accepted, leaving room for the
// prefix of ids derived from it within the event contract's 128 characters.
const MaxIDLength = 120

// Sign returns the "v1,<base64>" signature of body sent as webhook msgID at
// ts (whole seconds): HMAC-SHA256 under key of "msgID.unixSeconds.body".
func Sign(key Secret, msgID string, ts time.Time, body []byte) string {
	return VersionHMAC + "," + base64.StdEncoding.EncodeToString(mac(key, msgID, ts.Unix(), body))
}

// SetHeaders sets the webhook-id, webhook-timestamp and webhook-signature
// headers of a webhook carrying body. With several secrets (a rotation) the
// signature header holds one "v1,..." entry per secret, in order, space
// separated. msgID should pass ValidateID.
func SetHeaders(h http.Header, secrets []Secret, msgID string, ts time.Time, body []byte) {
	sigs := make([]string, len(secrets))
	for i, key := range secrets {
		sigs[i] = Sign(key, msgID, ts, body)
	}
	h.Set(HeaderID, msgID)
	h.Set(HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10))
	h.Set(HeaderSignature, strings.Join(sigs, " "))
}

// ValidateID reports whether id can be a webhook id: 1 to MaxIDLength
// printable ASCII characters, no space and no "." (the signed content's
// delimiter, which an id must not be able to shift).
func ValidateID(id string) error {
	if id == "" {
		return errors.New("webhook id is empty")
	}
	if len(id) > MaxIDLength {
		return fmt.Errorf("webhook id is %d bytes, longer than %d", len(id), MaxIDLength)
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; c <= ' ' || c > '~' || c == '.' {
			return fmt.Errorf("webhook id has a forbidden character at byte %d (allowed: printable ASCII except space and '.')", i)
		}
	}
	return nil
}

// mac is HMAC-SHA256 under key of "msgID.unix.body".
func mac(key Secret, msgID string, unix int64, body []byte) []byte {
	m := hmac.New(sha256.New, key)
	var buf [24]byte
	m.Write([]byte(msgID))
	m.Write([]byte{'.'})
	m.Write(strconv.AppendInt(buf[:0], unix, 10))
	m.Write([]byte{'.'})
	m.Write(body)
	return m.Sum(nil)
}
