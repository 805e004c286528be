package console

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// errNoSession is a request without a live session: no cookie, a forged
// or ended one, or a user who may no longer sign in.
var errNoSession = errors.New("console: no session")

// sessionRecheck is how long a session trusts its user without asking
// Config.Lookup again.
const sessionRecheck = time.Minute

type sessionKey struct{}

// session returns cookie id's live session, its user confirmed by the user
// store when Config.Lookup is set and the last check is a minute old.
func (s *Server) session(r *http.Request, id string) (session, error) {
	if id == "" {
		return session{}, errNoSession
	}
	v, ok := s.sessions.get(id)
	if !ok {
		return session{}, errNoSession
	}
	if s.cfg.Lookup == nil || s.cfg.Now().Sub(v.checked) < sessionRecheck {
		return v, nil
	}
	u, err := s.cfg.Lookup.User(r.Context(), v.user.Name)
	if errors.Is(err, access.ErrUnauthorized) {
		s.sessions.end(id)
		return session{}, errNoSession
	}
	if err != nil {
		return session{}, err
	}
	s.sessions.confirmed(id, u)
	v.user = u
	return v, nil
}

// withSession is r signed in by v: its user and its CSRF token in the
// request's context.
func withSession(r *http.Request, v session) *http.Request {
	r = withUser(r, v.user)
	return r.WithContext(context.WithValue(r.Context(), sessionKey{}, v))
}

// csrfOf is the CSRF token of r's session ("" for a bearer token).
func csrfOf(r *http.Request) string {
	v, _ := r.Context().Value(sessionKey{}).(session)
	return v.csrf
}

// csrfOK reports whether r may change state for session v: a safe method,
// or the session's token in the X-CSRF-Token header or a form's csrf field.
func csrfOK(w http.ResponseWriter, r *http.Request, v session) bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return true
	}
	got := r.Header.Get("X-CSRF-Token")
	if got == "" {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		got = r.PostFormValue("csrf")
	}
	return got != "" && subtle.ConstantTimeCompare([]byte(got), []byte(v.csrf)) == 1
}

// apiSession serves an API request signed in by session cookie id: 401
// for no live session, 403 for an unsafe method without the CSRF token.
func (s *Server) apiSession(w http.ResponseWriter, r *http.Request, id string, next http.Handler) {
	v, err := s.session(r, id)
	switch {
	case errors.Is(err, errNoSession):
		s.clearSessionCookie(w)
		writeError(w, http.StatusUnauthorized, "Cookie", "the session has ended; sign in again")
	case err != nil:
		s.cfg.Log.Warn("session user lookup failed", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the user store is unavailable")
	case !csrfOK(w, r, v):
		writeError(w, http.StatusForbidden, "X-CSRF-Token", "a request made with the session cookie must carry its CSRF token")
	default:
		next.ServeHTTP(w, withSession(r, v))
	}
}
