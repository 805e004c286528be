package console

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// TestLoginWithAToken: a valid token becomes a session cookie (HttpOnly,
// SameSite=Strict; Secure unless on plain http on loopback) and an entry in
// the action log; a wrong one is a 401, ten of them a 429.
func TestLoginWithAToken(t *testing.T) {
	x := newLoginRig(t, nil)
	resp := x.do(t, http.MethodPost, "/login", url.Values{"token": {"tok-acme"}}, "")
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	c := sessionCookieOf(resp, "credwatch_session")
	require.NotNil(t, c)
	require.True(t, c.HttpOnly)
	require.Equal(t, http.SameSiteStrictMode, c.SameSite)
	require.False(t, c.Secure, "plain http on loopback")
	require.Equal(t, "/", c.Path)
	require.Len(t, c.Value, 43)
	e := x.actions.entries[len(x.actions.entries)-1]
	require.Equal(t, []string{"ann", "analyst", "session.login", `{"via":"token"}`}, []string{e.Actor, e.Role, e.Action, e.Detail})

	for _, bad := range []string{"", "tok-nope", "TOK-ACME", " ", string(make([]byte, 600))} {
		resp := x.do(t, http.MethodPost, "/login", url.Values{"token": {bad}}, "")
		require.Equal(t, http.StatusUnauthorized, resp.StatusCode, "%q", bad)
		require.Nil(t, sessionCookieOf(resp, "credwatch_session"))
	}
	for range 10 {
		x.do(t, http.MethodPost, "/login", url.Values{"token": {"wrong"}}, "")
	}
	resp = x.do(t, http.MethodPost, "/login", url.Values{"token": {"tok-acme"}}, "")
	require.Equal(t, http.StatusTooManyRequests, resp.StatusCode, "the failure limit holds for good tokens too")
	x.clk.advance(time.Minute)
	x.signIn(t, "tok-acme", "")

	resp = x.do(t, http.MethodPost, "/login", url.Values{"token": {"tok-acme"}}, "", "Sec-Fetch-Site", "cross-site")
	require.Equal(t, http.StatusForbidden, resp.StatusCode, "a login posted from another site")
}

// TestSessionCookieIsSecureByDefault: off loopback the cookie is Secure and
// __Host- prefixed.
func TestSessionCookieIsSecureByDefault(t *testing.T) {
	x := newLoginRig(t, func(c *Config) { c.PlainHTTP = false })
	resp := x.do(t, http.MethodPost, "/login", url.Values{"token": {"tok-acme"}}, "")
	c := sessionCookieOf(resp, "__Host-credwatch_session")
	require.NotNil(t, c)
	require.True(t, c.Secure)
	require.True(t, c.HttpOnly)
}

// TestLoginGivesANewSessionID: signing in never keeps the id the browser
// brought (session fixation): the old one ends.
func TestLoginGivesANewSessionID(t *testing.T) {
	x := newLoginRig(t, nil)
	first := x.signIn(t, "tok-acme", "")
	second := x.signIn(t, "tok-admin", first)
	require.NotEqual(t, first, second)
	_, ok := x.s.sessions.get(first)
	require.False(t, ok, "the id the browser brought has ended")
	v, ok := x.s.sessions.get(second)
	require.True(t, ok)
	require.Equal(t, "ada", v.user.Name)
	planted := x.signIn(t, "tok-acme", "attacker-chosen-id")
	require.NotEqual(t, "attacker-chosen-id", planted)
}

// TestLoginLinkIsSingleUse: a minted link signs in once, within 15 minutes.
func TestLoginLinkIsSingleUse(t *testing.T) {
	x := newLoginRig(t, nil)
	link, err := x.s.LoginLink(ann)
	require.NoError(t, err)
	require.Regexp(t, `^/login/ticket/[A-Za-z0-9_-]{43}$`, link)
	resp := x.do(t, http.MethodGet, link, nil, "")
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	require.Equal(t, "/ui/alerts", resp.Header.Get("Location"))
	require.NotNil(t, sessionCookieOf(resp, "credwatch_session"))
	require.Equal(t, `{"via":"link"}`, x.actions.entries[len(x.actions.entries)-1].Detail)

	resp = x.do(t, http.MethodGet, link, nil, "")
	require.Equal(t, http.StatusNotFound, resp.StatusCode, "a second use")
	require.Nil(t, sessionCookieOf(resp, "credwatch_session"))

	late, err := x.s.LoginLink(ann)
	require.NoError(t, err)
	x.clk.advance(15 * time.Minute)
	require.Equal(t, http.StatusNotFound, x.do(t, http.MethodGet, late, nil, "").StatusCode, "expired")
	require.Equal(t, http.StatusNotFound, x.do(t, http.MethodGet, "/login/ticket/forged", nil, "").StatusCode)
}

// TestLoginLinkOfADisabledUser: with a user store, a link of a user
// disabled since it was minted signs no one in.
func TestLoginLinkOfADisabledUser(t *testing.T) {
	users := &lookupUsers{users: map[string]access.User{}}
	x := newLoginRig(t, func(c *Config) { c.Lookup = users })
	link, err := x.s.LoginLink(ann)
	require.NoError(t, err)
	require.Equal(t, http.StatusNotFound, x.do(t, http.MethodGet, link, nil, "").StatusCode)
	users.set("ann", &ann)
	link, err = x.s.LoginLink(ann)
	require.NoError(t, err)
	require.Equal(t, http.StatusSeeOther, x.do(t, http.MethodGet, link, nil, "").StatusCode)
}
