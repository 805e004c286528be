package delivery

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// snippetLen bounds how much of a response body a Result's Detail shows.
const snippetLen = 64

// snippet is a short, printable-ASCII prefix of a response body, with
// whitespace and control characters collapsed, for a Result's Detail.
func snippet(body []byte) string {
	var b strings.Builder
	space := false
	for _, c := range body {
		if b.Len() >= snippetLen {
			return strings.TrimSpace(b.String()) + "…"
		}
		if c <= ' ' || c > '~' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// statusDetail describes an HTTP answer without headers and with at most a
// snippet of the body.
func statusDetail(code int, body []byte) string {
	d := fmt.Sprintf("HTTP %d %s", code, http.StatusText(code))
	if code >= 300 && code < 400 {
		return d + ": redirect not followed"
	}
	if s := snippet(body); s != "" && (code < 200 || code >= 300) {
		d += ": " + s
	}
	return d
}

// errorDetail describes a failed request without the URL (it may carry
// credentials in its user info or query).
func errorDetail(parent context.Context, err error, timeout time.Duration) string {
	if parent.Err() != nil {
		return "cancelled: " + parent.Err().Error()
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		if uerr.Timeout() || errors.Is(err, context.DeadlineExceeded) {
			return fmt.Sprintf("timeout after %s", timeout)
		}
		err = uerr.Err
	}
	msg := err.Error()
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return "request failed: " + msg
}
