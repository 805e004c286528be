package webhook

import (
	"crypto/hmac"
	"encoding/base64"
	"fmt"
	"net/http"
	"time"
)

// DefaultTolerance is how far a webhook's timestamp may be from the
// receiver's clock, either way, when Verifier.Tolerance is zero.
const DefaultTolerance = 5 * time.Minute

// Verifier checks webhooks signed with any of Secrets (current and, during
// a rotation, older ones). The zero Tolerance means DefaultTolerance; a nil
// Now means time.Now. A Verifier is safe for concurrent use.
type Verifier struct {
	Secrets   []Secret
	Tolerance time.Duration
	Now       func() time.Time
}

// Verify returns nil when h carries a valid id, a timestamp within the
// tolerance of now, and a v1 signature of body matching one of the secrets;
// otherwise a *VerifyError. The signature is checked before the time, so a
// stale or future reason means the webhook itself is authentic.
func (v Verifier) Verify(h http.Header, body []byte) error {
	wh, err := parseHeaders(h)
	if err != nil {
		return err
	}
	if err := v.checkSignature(wh, body); err != nil {
		return err
	}
	return v.checkTime(wh.unix)
}

// checkSignature compares, in constant time, every v1 entry against the
// HMAC under every secret.
func (v Verifier) checkSignature(wh headers, body []byte) error {
	var given [][]byte
	for _, s := range wh.sigs {
		if s.Version == VersionHMAC {
			b, _ := base64.StdEncoding.DecodeString(s.Value) // checked by ParseSignatureHeader
			given = append(given, b)
		}
	}
	if len(given) == 0 {
		return reject(ReasonNoSignature, fmt.Sprintf("none of the %d signature entries is %s", len(wh.sigs), VersionHMAC))
	}
	if len(v.Secrets) == 0 {
		return reject(ReasonBadSignature, "the verifier has no secret")
	}
	for _, key := range v.Secrets {
		want := mac(key, wh.id, wh.unix, body)
		for _, g := range given {
			if hmac.Equal(want, g) {
				return nil
			}
		}
	}
	return reject(ReasonBadSignature, fmt.Sprintf("none of the %d v1 signatures matches any of the %d secrets", len(given), len(v.Secrets)))
}

// checkTime rejects a timestamp more than the tolerance away from now.
func (v Verifier) checkTime(unix int64) error {
	now, tol := time.Now, v.Tolerance
	if v.Now != nil {
		now = v.Now
	}
	if tol <= 0 {
		tol = DefaultTolerance
	}
	sent, at := time.Unix(unix, 0), now()
	switch {
	case at.Sub(sent) > tol:
		return reject(ReasonStaleTimestamp, fmt.Sprintf("sent %s before now, beyond the tolerance of %s", at.Sub(sent).Truncate(time.Second), tol))
	case sent.Sub(at) > tol:
		return reject(ReasonFutureTimestamp, fmt.Sprintf("sent %s ahead of now, beyond the tolerance of %s", sent.Sub(at).Truncate(time.Second), tol))
	}
	return nil
}
