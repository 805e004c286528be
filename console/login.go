package console

import (
	"errors"
	"net/http"
	"strings"

	"github.com/credwatch/credwatch/console/access"
)

// loginView is the login page's data.
type loginView struct {
	Error string
}

// loginForm answers GET /login.
func (s *Server) loginForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "login", "Sign in", loginView{})
}

// login answers POST /login: an API token exchanged for a session. Failures
// count towards the address's limit of failed authentications.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	if s.refuseBlocked(w, r) {
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
	token := strings.TrimSpace(r.PostFormValue("token"))
	u, err := access.User{}, access.ErrUnauthorized
	if token != "" && len(token) <= 512 {
		u, err = s.cfg.Users.Authenticate(r.Context(), token)
	}
	if errors.Is(err, access.ErrUnauthorized) {
		s.failures.failed(r)
		s.render(w, r, http.StatusUnauthorized, "login", "Sign in", loginView{Error: "That token is not valid."})
		return
	}
	if err != nil {
		s.cfg.Log.Warn("authentication failed", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The user store is unavailable.")
		return
	}
	s.startSession(w, r, u, "token")
}

// redeemTicket answers GET /login/ticket/{ticket}: a one-time login link,
// good once within 15 minutes, signs its user in.
func (s *Server) redeemTicket(w http.ResponseWriter, r *http.Request) {
	if s.refuseBlocked(w, r) {
		return
	}
	u, ok := s.tickets.redeem(r.PathValue("ticket"))
	if ok && s.cfg.Lookup != nil {
		now, err := s.cfg.Lookup.User(r.Context(), u.Name)
		if err != nil && !errors.Is(err, access.ErrUnauthorized) {
			s.cfg.Log.Warn("login link user lookup failed", "err", err)
			s.renderError(w, r, http.StatusServiceUnavailable, "", "The user store is unavailable.")
			return
		}
		u, ok = now, err == nil
	}
	if !ok {
		s.failures.failed(r)
		s.render(w, r, http.StatusNotFound, "login", "Sign in",
			loginView{Error: "That login link is not valid: it was used already, or it expired."})
		return
	}
	s.startSession(w, r, u, "link")
}

// LoginLink mints a one-time login link for u: the path it returns
// (/login/ticket/…) signs u in once, within 15 minutes.
func (s *Server) LoginLink(u access.User) (string, error) {
	t, err := s.tickets.mint(u)
	if err != nil {
		return "", err
	}
	return "/login/ticket/" + t, nil
}

// startSession signs u in with a new session (never the id the browser
// brought: that one ends) and sends the browser to the alerts.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, u access.User, via string) {
	if old := s.sessionCookie(r); old != "" {
		s.sessions.end(old)
	}
	r = withUser(r, u)
	if err := s.record(r.Context(), r, "session.login", "", "", map[string]string{"via": via}); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	id, _, err := s.sessions.create(u)
	if err != nil {
		s.renderError(w, r, http.StatusInternalServerError, "", "No session could be started.")
		return
	}
	s.setSessionCookie(w, id)
	http.Redirect(w, r, "/ui/alerts", http.StatusSeeOther)
}

// logout answers POST /logout (signed in, with the CSRF token).
func (s *Server) logout(w http.ResponseWriter, r *http.Request) {
	if err := s.record(r.Context(), r, "session.logout", "", "", nil); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	s.sessions.end(s.sessionCookie(r))
	s.clearSessionCookie(w)
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// refuseBlocked answers 429 when r's address used up its failed logins.
func (s *Server) refuseBlocked(w http.ResponseWriter, r *http.Request) bool {
	if !s.failures.blocked(r) {
		return false
	}
	w.Header().Set("Retry-After", "60")
	s.render(w, r, http.StatusTooManyRequests, "login", "Sign in",
		loginView{Error: "Too many failed sign-ins from this address; wait a minute."})
	return true
}
