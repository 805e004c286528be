package console

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestFailedAuthenticationsAreLimited: ten failed authentications from one
// address refuse the eleventh request with 429, a valid token included.
func TestFailedAuthenticationsAreLimited(t *testing.T) {
	x := newRig(t)
	for i := range maxFailures {
		code, _ := x.get(t, fmt.Sprintf("guess-%d", i), "/api/v1/alerts")
		require.Equal(t, http.StatusUnauthorized, code)
	}
	code, _ := x.get(t, "tok-admin", "/api/v1/alerts")
	require.Equal(t, http.StatusTooManyRequests, code)
}

// TestFailureLimitWindow: the limit is per address and ends with its
// window; the table of addresses stays bounded.
func TestFailureLimitWindow(t *testing.T) {
	at := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	l := newFailureLimit(func() time.Time { return at })
	from := func(addr string) *http.Request {
		r := httptest.NewRequest(http.MethodGet, "/", nil)
		r.RemoteAddr = addr + ":5555"
		return r
	}
	for range maxFailures {
		l.failed(from("192.0.2.1"))
	}
	require.True(t, l.blocked(from("192.0.2.1")))
	require.False(t, l.blocked(from("192.0.2.2")), "another address")
	at = at.Add(failureWindow)
	require.False(t, l.blocked(from("192.0.2.1")), "the window ended")
	for i := range maxTracked + 10 {
		l.failed(from(fmt.Sprintf("10.0.%d.%d", i/256, i%256)))
	}
	require.LessOrEqual(t, len(l.seen), maxTracked)
}
