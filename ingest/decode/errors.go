// Package decode turns one Kafka message into a validated, scrubbed event:
// credwatch contract v1 JSON or OCSF 1.x API Activity (6003) / Authentication
// (3002) JSON. Every rejection names the field and the reason.
package decode

import "fmt"

// Rejection reasons, used as the dead-letter reason and as a metric label.
const (
	ReasonNotJSON   = "not_json"
	ReasonTooLarge  = "too_large"
	ReasonMissing   = "missing_field"
	ReasonType      = "wrong_type"
	ReasonInvalid   = "invalid_value"
	ReasonTooLong   = "too_long"
	ReasonFuture    = "time_in_future"
	ReasonBadTime   = "bad_time"
	ReasonUnsupport = "unsupported_class"
)

// Error is a permanent rejection of one message: retrying cannot help.
type Error struct {
	Field  string `json:"field,omitempty"` // dotted path, "" for the whole message
	Reason string `json:"reason"`          // one of the Reason constants
	Detail string `json:"detail"`          // human explanation
}

func (e *Error) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("%s: %s", e.Reason, e.Detail)
	}
	return fmt.Sprintf("field %q: %s: %s", e.Field, e.Reason, e.Detail)
}

// Permanent marks the error as not retryable.
func (e *Error) Permanent() bool { return true }

func fieldErr(field, reason, format string, args ...any) *Error {
	return &Error{Field: field, Reason: reason, Detail: fmt.Sprintf(format, args...)}
}
