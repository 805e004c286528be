package console

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// now is the tests' clock: alerts are seen in the day before it.
var now = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

// tokens are the test users, by bearer token.
var tokens = map[string]access.User{
	"tok-admin":    {Name: "ada", Role: access.Admin},
	"tok-viewer":   {Name: "vic", Role: access.Viewer},
	"tok-analyst":  {Name: "ali", Role: access.Analyst},
	"tok-investor": {Name: "ivy", Role: access.Investigator},
	"tok-acme":     {Name: "ann", Role: access.Analyst, Tenants: []string{"acme"}},
	"tok-two":      {Name: "ivo", Role: access.Investigator, Tenants: []string{"acme", "globex"}},
	"tok-initech":  {Name: "ian", Role: access.Viewer, Tenants: []string{"initech"}},
	"tok-nobody":   {Name: "nob", Role: access.Analyst, Tenants: []string{"no-such-tenant"}},
	"tok-injected": {Name: "inj", Role: access.Analyst, Tenants: []string{"acme' OR '1'='1"}},

	"tok-acme-investigator":    {Name: "ina", Role: access.Investigator, Tenants: []string{"acme"}},
	"tok-initech-investigator": {Name: "ini", Role: access.Investigator, Tenants: []string{"initech"}},
}

type fakeUsers struct{}

func (fakeUsers) Authenticate(_ context.Context, token string) (access.User, error) {
	if u, ok := tokens[token]; ok {
		return u, nil
	}
	return access.User{}, access.ErrUnauthorized
}

// recorded is an ActionLog that remembers every entry, or fails.
type recorded struct {
	mu      sync.Mutex
	entries []audit.Entry
	fail    bool
}

func (r *recorded) Append(_ context.Context, e audit.Entry) (audit.Entry, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail {
		return e, errors.New("test: the action log is down")
	}
	r.entries = append(r.entries, e)
	return e, nil
}

// rig is a console over a migrated database holding the test alerts.
type rig struct {
	srv     *httptest.Server
	st      *store.Store
	actions *recorded
	console *Server
}

func newRig(t *testing.T) *rig { return newRigWith(t, nil) }

// newRigWith is newRig with cfg changed by configure (when not nil) first.
func newRigWith(t *testing.T, configure func(*Config)) *rig {
	return newRigOn(t, testenv.ClickHouse(t).DSN("console"), configure)
}

// newRigOn is newRigWith over the database dsn names.
func newRigOn(t *testing.T, dsn string, configure func(*Config)) *rig {
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	_, err = st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	require.NoError(t, st.InsertRows(ctx, testAlerts()))
	x := &rig{actions: &recorded{}, st: st}
	cfg := Config{Store: st, Users: fakeUsers{}, Actions: x.actions, Now: func() time.Time { return now },
		Log: slog.New(slog.DiscardHandler), PlainHTTP: true}
	if configure != nil {
		configure(&cfg)
	}
	x.console = New(cfg)
	x.srv = httptest.NewServer(x.console.Handler())
	t.Cleanup(x.srv.Close)
	return x
}

// get requests path with token and returns the status and body.
func (x *rig) get(t *testing.T, token, path string) (int, []byte) {
	req, err := http.NewRequest(http.MethodGet, x.srv.URL+path, nil)
	require.NoError(t, err)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, b
}

// alerts lists the alerts path answers with (200 required).
func (x *rig) alerts(t *testing.T, token, path string) []Alert {
	code, body := x.get(t, token, path)
	require.Equal(t, http.StatusOK, code, string(body))
	var out alertList
	require.NoError(t, json.Unmarshal(body, &out))
	return out.Alerts
}
