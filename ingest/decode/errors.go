// Package decode turns one Kafka message into a validated, scrubbed event:
// credwatch contract v1 JSON or OCSF 1.x API Activity (6003) / Authentication
// (3002) JSON. Every rejection names the field and the reason.
package decode

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

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
	// Warning reasons: the field was blanked or rewritten, the event kept.
	ReasonPlaceholder = "placeholder" // "-", "N/A", "NULL SID" …
	ReasonNormalised  = "normalised"  // a country name, an IP with leading zeros or a port
	ReasonDerived     = "derived"     // no id in the message: one derived from its content
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
	return &Error{Field: bounded(field, maxField), Reason: reason, Detail: bounded(fmt.Sprintf(format, args...), maxDetail)}
}

// Bounds of an error's texts: they go into dead-letter headers and logs.
const (
	maxField  = 128
	maxDetail = 240
)

// bounded returns s on one line, cut to at most max bytes (on a rune boundary).
func bounded(s string, max int) string {
	s = strings.Map(func(c rune) rune {
		if c < ' ' || c == 0x7f {
			return ' '
		}
		return c
	}, s)
	if len(s) <= max {
		return s
	}
	cut := max - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// notJSON explains a parse failure without echoing the input: parsers quote
// the text they stopped at, which may hold part of a credential that no
// pattern recognised in a broken message. Nested containers repeat "cannot
// parse array: " once per level, so only the outer and inner words stay.
func notJSON(err error) *Error {
	msg := err.Error()
	if i := strings.Index(msg, "; unparsed tail"); i >= 0 {
		msg = msg[:i]
	}
	msg = quoted.ReplaceAllString(msg, "")
	parts := strings.Split(strings.TrimRight(msg, ": "), ": ")
	if len(parts) > 2 {
		parts = []string{parts[0], parts[len(parts)-1]}
	}
	return fieldErr("", ReasonNotJSON, "%s (input not shown)", strings.Join(parts, ": "))
}

// quoted matches a quoted stretch of input inside a parser's message.
var quoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"?`)
