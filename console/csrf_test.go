package console

import (
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// TestCSRFTokenRequired: a state-changing request made with the session
// cookie needs the session's token (form field or X-CSRF-Token header);
// one with a bearer token needs none.
func TestCSRFTokenRequired(t *testing.T) {
	x := newLoginRig(t, nil)
	id := x.signIn(t, "tok-acme", "")
	other := x.signIn(t, "tok-admin", "")
	token := x.csrfOfSession(t, id)

	for name, resp := range map[string]*http.Response{
		"none":                x.do(t, http.MethodPost, "/logout", url.Values{}, id),
		"empty":               x.do(t, http.MethodPost, "/logout", url.Values{"csrf": {""}}, id),
		"another session's":   x.do(t, http.MethodPost, "/logout", url.Values{"csrf": {x.csrfOfSession(t, other)}}, id),
		"a prefix":            x.do(t, http.MethodPost, "/logout", url.Values{"csrf": {token[:20]}}, id),
		"API, none":           x.do(t, http.MethodPost, "/api/v1/test/change", nil, id),
		"API, another's":      x.do(t, http.MethodPost, "/api/v1/test/change", nil, id, "X-CSRF-Token", x.csrfOfSession(t, other)),
		"API, in a form only": x.do(t, http.MethodPost, "/api/v1/test/change", url.Values{"csrf": {"x" + token}}, id),
	} {
		require.Equal(t, http.StatusForbidden, resp.StatusCode, name)
	}
	_, ok := x.s.sessions.get(id)
	require.True(t, ok, "refused requests changed nothing")

	ok200 := x.do(t, http.MethodPost, "/api/v1/test/change", nil, id, "X-CSRF-Token", token)
	require.Equal(t, http.StatusOK, ok200.StatusCode)
	bearer := x.do(t, http.MethodPost, "/api/v1/test/change", nil, "", "Authorization", "Bearer tok-acme")
	require.Equal(t, http.StatusOK, bearer.StatusCode, "no cookie, no CSRF token needed")

	out := x.do(t, http.MethodPost, "/logout", url.Values{"csrf": {token}}, id)
	require.Equal(t, http.StatusSeeOther, out.StatusCode)
	require.Equal(t, "/login", out.Header.Get("Location"))
	require.Equal(t, -1, sessionCookieOf(out, "credwatch_session").MaxAge)
	_, ok = x.s.sessions.get(id)
	require.False(t, ok, "signed out")
	require.Equal(t, "session.logout", x.actions.entries[len(x.actions.entries)-1].Action)
	require.Equal(t, http.StatusSeeOther, x.do(t, http.MethodPost, "/logout", url.Values{"csrf": {token}}, id).StatusCode)
}

// TestForgedOrEndedSessionRefused: the API answers 401 and the pages send
// the browser to the login page, for a forged, an expired or a signed-out
// session cookie.
func TestForgedOrEndedSessionRefused(t *testing.T) {
	x := newLoginRig(t, nil)
	expired := x.signIn(t, "tok-acme", "")
	x.clk.advance(12 * time.Hour)
	forged := expired[:42] + "A"
	if forged == expired {
		forged = expired[:42] + "B"
	}
	for _, id := range []string{expired, forged, "x", string(make([]byte, 100))} {
		api := x.do(t, http.MethodGet, "/api/v1/alerts", nil, id)
		require.Equal(t, http.StatusUnauthorized, api.StatusCode)
		resp := x.do(t, http.MethodPost, "/api/v1/test/change", nil, id, "X-CSRF-Token", "x")
		require.Equal(t, http.StatusUnauthorized, resp.StatusCode, id)
		page := x.do(t, http.MethodGet, "/ui/alerts", nil, id)
		require.Equal(t, http.StatusSeeOther, page.StatusCode)
		require.Equal(t, "/login", page.Header.Get("Location"))
		htmx := x.do(t, http.MethodGet, "/ui/alerts/rows", nil, id, "HX-Request", "true")
		require.Equal(t, http.StatusUnauthorized, htmx.StatusCode)
		require.Equal(t, "/login", htmx.Header.Get("HX-Redirect"))
	}
}

// TestSessionFollowsTheUserStore: within a minute of a change to its user
// (role, tenants, disabled) a session acts on it; a user store that cannot
// answer is a 503, not a sign-out.
func TestSessionFollowsTheUserStore(t *testing.T) {
	users := &lookupUsers{users: map[string]access.User{"ann": ann}}
	x := newLoginRig(t, func(c *Config) { c.Lookup = users })
	id := x.signIn(t, "tok-acme", "")
	token := x.csrfOfSession(t, id)
	moved := access.User{Name: "ann", Role: access.Viewer, Tenants: []string{"globex"}}
	users.set("ann", &moved)
	x.clk.advance(30 * time.Second)
	v, err := x.s.session(httptestRequest(), id)
	require.NoError(t, err)
	require.Equal(t, ann, v.user, "trusted for a minute")
	x.clk.advance(31 * time.Second)
	v, err = x.s.session(httptestRequest(), id)
	require.NoError(t, err)
	require.Equal(t, moved, v.user)

	users.err = errors.New("test: the user store is down")
	x.clk.advance(time.Minute)
	resp := x.do(t, http.MethodPost, "/api/v1/test/change", nil, id, "X-CSRF-Token", token)
	require.Equal(t, http.StatusServiceUnavailable, resp.StatusCode)
	users.err = nil
	users.set("ann", nil) // disabled
	resp = x.do(t, http.MethodPost, "/api/v1/test/change", nil, id, "X-CSRF-Token", token)
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	_, ok := x.s.sessions.get(id)
	require.False(t, ok, "the session of a disabled user ends")
}

func httptestRequest() *http.Request {
	r, _ := http.NewRequest(http.MethodGet, "/", nil)
	return r
}
