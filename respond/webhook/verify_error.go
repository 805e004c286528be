package webhook

import "errors"

// Reasons a webhook is rejected (VerifyError.Reason). They are stable: use
// them as metric labels and in responses.
const (
	ReasonMissingHeader      = "missing_header"      // webhook-id, -timestamp or -signature absent or empty
	ReasonBadID              = "bad_id"              // webhook-id repeated or not a valid id (see ValidateID)
	ReasonBadTimestamp       = "bad_timestamp"       // webhook-timestamp repeated or not canonical unix seconds
	ReasonMalformedSignature = "malformed_signature" // webhook-signature repeated or unparsable
	ReasonNoSignature        = "no_signature"        // no v1 entry in webhook-signature
	ReasonBadSignature       = "bad_signature"       // no v1 entry matches any secret
	ReasonStaleTimestamp     = "stale_timestamp"     // authentic, but older than the tolerance
	ReasonFutureTimestamp    = "future_timestamp"    // authentic, but further ahead than the tolerance
)

// Reasons returns every Reason constant, for pre-declaring metric series.
func Reasons() []string {
	return []string{ReasonMissingHeader, ReasonBadID, ReasonBadTimestamp, ReasonMalformedSignature,
		ReasonNoSignature, ReasonBadSignature, ReasonStaleTimestamp, ReasonFutureTimestamp}
}

// VerifyError is why Verify rejected a webhook. Detail explains it for
// logs; it never holds a secret or a whole signature.
type VerifyError struct {
	Reason string
	Detail string
}

// Error is "webhook rejected: <reason>: <detail>".
func (e *VerifyError) Error() string {
	return "webhook rejected: " + e.Reason + ": " + e.Detail
}

// ReasonOf returns the Reason of the *VerifyError in err's chain, or "".
func ReasonOf(err error) string {
	var ve *VerifyError
	if errors.As(err, &ve) {
		return ve.Reason
	}
	return ""
}

// reject builds a *VerifyError.
func reject(reason, detail string) error {
	return &VerifyError{Reason: reason, Detail: detail}
}
