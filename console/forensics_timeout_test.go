package console

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestForensicsObeyTheQueryTimeout: with a query timeout already passed,
// every new endpoint answers 503 (its queries are cancelled), and says
// nothing else.
func TestForensicsObeyTheQueryTimeout(t *testing.T) {
	x := newForensicRig(t)
	s := New(Config{Store: x.st, Users: forensicUsers{}, Actions: x.actions, Now: func() time.Time { return now },
		Log: slog.New(slog.DiscardHandler), QueryTimeout: time.Nanosecond})
	x.srv = httptest.NewServer(s.Handler())
	t.Cleanup(x.srv.Close)
	for _, path := range append(forensicPaths, "/api/v1/alerts/globex/alr_page") {
		code, body := x.get(t, "tok-admin", path)
		require.Equal(t, http.StatusServiceUnavailable, code, "%s: %s", path, body)
		require.NotContains(t, string(body), "globex", path)
	}
}
