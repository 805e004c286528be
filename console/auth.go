package console

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/credwatch/credwatch/console/access"
)

type userKey struct{}

// authenticated serves next only for a request with a valid bearer token
// or, without an Authorization header, a session cookie (see apiSession);
// the user is in the request's context.
func (s *Server) authenticated(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if id := s.sessionCookie(r); id != "" && r.Header.Get("Authorization") == "" {
			s.apiSession(w, r, id, next)
			return
		}
		if s.failures.blocked(r) {
			w.Header().Set("Retry-After", "60")
			writeError(w, http.StatusTooManyRequests, "Authorization", "too many failed authentications; wait a minute")
			return
		}
		token, ok := bearer(r.Header.Get("Authorization"))
		if !ok {
			s.failures.failed(r)
			w.Header().Set("WWW-Authenticate", `Bearer realm="credwatch"`)
			writeError(w, http.StatusUnauthorized, "Authorization", "a bearer token is required")
			return
		}
		u, err := s.cfg.Users.Authenticate(r.Context(), token)
		if err != nil {
			if !errors.Is(err, access.ErrUnauthorized) {
				s.cfg.Log.Warn("authentication failed", "err", err)
				writeError(w, http.StatusServiceUnavailable, "", "the user store is unavailable")
				return
			}
			s.failures.failed(r)
			w.Header().Set("WWW-Authenticate", `Bearer realm="credwatch", error="invalid_token"`)
			writeError(w, http.StatusUnauthorized, "Authorization", "the token is not valid")
			return
		}
		next.ServeHTTP(w, withUser(r, u))
	})
}

// withUser is r with u as its authenticated user.
func withUser(r *http.Request, u access.User) *http.Request {
	return r.WithContext(context.WithValue(r.Context(), userKey{}, u))
}

// bearer is the token of an "Authorization: Bearer <token>" header.
func bearer(h string) (string, bool) {
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" || len(token) > 512 {
		return "", false
	}
	return token, true
}

// userOf is the authenticated user of r.
func userOf(r *http.Request) access.User {
	u, _ := r.Context().Value(userKey{}).(access.User)
	return u
}
