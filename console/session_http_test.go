package console

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// loginRig is a console without a database: enough to sign in and out.
type loginRig struct {
	s       *Server
	srv     *httptest.Server
	clk     *testClock
	actions *recorded
}

func newLoginRig(t *testing.T, configure func(*Config)) *loginRig {
	x := &loginRig{clk: &testClock{t: now}, actions: &recorded{}}
	cfg := Config{Users: fakeUsers{}, Actions: x.actions, Now: x.clk.Now, Log: slog.New(slog.DiscardHandler), PlainHTTP: true}
	if configure != nil {
		configure(&cfg)
	}
	x.s = New(cfg)
	mux := http.NewServeMux()
	mux.Handle("/", x.s.Handler())
	// An API route that changes state, to check the CSRF rule on the API.
	mux.Handle("POST /api/v1/test/change", x.s.authenticated(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"user": userOf(r).Name})
	})))
	x.srv = httptest.NewServer(mux)
	t.Cleanup(x.srv.Close)
	return x
}

// do sends a request without following redirects; header pairs are added.
func (x *loginRig) do(t *testing.T, method, path string, form url.Values, cookie string, header ...string) *http.Response {
	return doRequest(t, x.srv.URL, x.s.cookieName(), method, path, form, cookie, header...)
}

func doRequest(t *testing.T, base, cookieName, method, path string, form url.Values, cookie string, header ...string) *http.Response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, base+path, body)
	require.NoError(t, err)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if cookie != "" {
		req.AddCookie(&http.Cookie{Name: cookieName, Value: cookie})
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	require.NoError(t, err)
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// sessionCookieOf is the session cookie resp sets, or nil.
func sessionCookieOf(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// signIn exchanges token for a session and returns its id.
func (x *loginRig) signIn(t *testing.T, token, cookie string) string {
	t.Helper()
	resp := x.do(t, http.MethodPost, "/login", url.Values{"token": {token}}, cookie)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	require.Equal(t, "/ui/alerts", resp.Header.Get("Location"))
	c := sessionCookieOf(resp, x.s.cookieName())
	require.NotNil(t, c)
	return c.Value
}

// csrfOfSession is the CSRF token of session id.
func (x *loginRig) csrfOfSession(t *testing.T, id string) string {
	v, ok := x.s.sessions.get(id)
	require.True(t, ok)
	return v.csrf
}

// lookupUsers is a UserLookup the test changes.
type lookupUsers struct {
	mu    sync.Mutex
	users map[string]access.User
	err   error
}

func (l *lookupUsers) User(_ context.Context, name string) (access.User, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err != nil {
		return access.User{}, l.err
	}
	if u, ok := l.users[name]; ok {
		return u, nil
	}
	return access.User{}, access.ErrUnauthorized
}

func (l *lookupUsers) set(name string, u *access.User) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if u == nil {
		delete(l.users, name)
		return
	}
	l.users[name] = *u
}
