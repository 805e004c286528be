package dashboards_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console"
	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/store"
)

// startConsole serves the console on st, signed in as an admin through a
// one-time login link, as `credwatch run` does.
func startConsole(t *testing.T, st *store.Store) *consoleSite {
	ctx := context.Background()
	users := access.NewStore(st, time.Now)
	_, err := users.Add(ctx, "grafana-links", access.Admin, nil)
	require.NoError(t, err)
	actions, err := audit.NewLog(ctx, st, time.Now, nil)
	require.NoError(t, err)
	srv := console.New(console.Config{Store: st, Users: users, Actions: actions, Now: time.Now,
		Log: slog.New(slog.DiscardHandler), PlainHTTP: true, Lookup: users})
	web := httptest.NewServer(srv.Handler())
	t.Cleanup(web.Close)
	link, err := srv.LoginLink(access.User{Name: "grafana-links", Role: access.Admin})
	require.NoError(t, err)
	jar, err := cookiejar.New(nil)
	require.NoError(t, err)
	client := &http.Client{Jar: jar}
	resp, err := client.Get(web.URL + link)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "signed in and on the alerts page")
	return &consoleSite{base: web.URL, client: client}
}
