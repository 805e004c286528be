package console

import (
	"net/http"
	"time"
)

// cookieName is the session cookie's name: with the __Host- prefix (Secure,
// Path=/, no Domain, enforced by browsers) unless the console runs on
// plain http on loopback.
func (s *Server) cookieName() string {
	if s.cfg.PlainHTTP {
		return "credwatch_session"
	}
	return "__Host-credwatch_session"
}

// sessionCookie is the session id r carries, or "".
func (s *Server) sessionCookie(r *http.Request) string {
	c, err := r.Cookie(s.cookieName())
	if err != nil || len(c.Value) > 64 {
		return ""
	}
	return c.Value
}

// setSessionCookie gives the browser session id: HttpOnly, SameSite=Strict,
// Secure but on plain http on loopback, gone at the session's absolute end.
func (s *Server) setSessionCookie(w http.ResponseWriter, id string) {
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: id, Path: "/", HttpOnly: true, Secure: !s.cfg.PlainHTTP,
		SameSite: http.SameSiteStrictMode, MaxAge: int(sessionLifetime / time.Second)})
}

// clearSessionCookie tells the browser to forget its session cookie.
func (s *Server) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: "", Path: "/", HttpOnly: true, Secure: !s.cfg.PlainHTTP,
		SameSite: http.SameSiteStrictMode, MaxAge: -1})
}
