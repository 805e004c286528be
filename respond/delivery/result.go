package delivery

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Outcome is what one attempt means for its job.
type Outcome int

const (
	// Delivered: the receiver answered 2xx or 409 (it already has the job).
	Delivered Outcome = iota + 1
	// Retry: a network error, a timeout, 408, 425, 429 or 5xx; try again later.
	Retry
	// Failed: any other answer (other 4xx, 3xx); retrying cannot help, raise an alert.
	Failed
	// Disabled: 410 Gone; the endpoint is disabled until restart or
	// Sender.Enable, later jobs for it fail fast. Raise an alert.
	Disabled
)

// String is the outcome's metric label and state name.
func (o Outcome) String() string {
	switch o {
	case Delivered:
		return "delivered"
	case Retry:
		return "retry"
	case Failed:
		return "failed"
	case Disabled:
		return "disabled"
	}
	return "unknown"
}

// Result is the outcome of one attempt.
type Result struct {
	Outcome    Outcome
	Code       int           // HTTP status; 0 when no response was received
	Detail     string        // for logs and alerts: no secrets, headers or body beyond a short sanitized prefix
	RetryAfter time.Duration // the receiver's Retry-After, capped at MaxRetryAfter; 0 if none
}

// MaxRetryAfter caps how long a receiver's Retry-After can hold a job back.
const MaxRetryAfter = time.Hour

// outcomeOf classifies an HTTP status.
func outcomeOf(code int) Outcome {
	switch {
	case code >= 200 && code < 300, code == http.StatusConflict:
		return Delivered
	case code == http.StatusRequestTimeout, code == http.StatusTooEarly,
		code == http.StatusTooManyRequests, code >= 500 && code < 600:
		return Retry
	case code == http.StatusGone:
		return Disabled
	}
	return Failed
}

// parseRetryAfter reads a Retry-After value, delta-seconds or an HTTP-date
// taken relative to now, capped at MaxRetryAfter; 0 when absent or invalid.
func parseRetryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	secs, err := strconv.ParseUint(v, 10, 64)
	if err == nil && secs < uint64(MaxRetryAfter/time.Second) {
		return time.Duration(secs) * time.Second
	}
	if err == nil || errors.Is(err, strconv.ErrRange) {
		return MaxRetryAfter
	}
	if t, err := http.ParseTime(v); err == nil {
		return min(max(t.Sub(now), 0), MaxRetryAfter)
	}
	return 0
}
