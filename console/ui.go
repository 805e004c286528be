package console

import (
	"errors"
	"io/fs"
	"net/http"
	"strings"

	"github.com/credwatch/credwatch/console/web"
)

// pageCSP is the pages' Content-Security-Policy: scripts, styles and
// everything else from the console itself, nothing inline.
const pageCSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"frame-ancestors 'none'; form-action 'self'"

// routeUI adds the browser console's routes: the login, its static files
// and its pages (a session required).
func (s *Server) routeUI(mux *http.ServeMux) {
	sameOrigin := http.NewCrossOriginProtection() // a form posted from another site is refused
	mux.Handle("GET /static/", staticFiles())
	mux.Handle("GET /{$}", http.RedirectHandler("/ui/alerts", http.StatusSeeOther))
	mux.Handle("GET /login", pageHeaders(http.HandlerFunc(s.loginForm)))
	mux.Handle("POST /login", pageHeaders(sameOrigin.Handler(http.HandlerFunc(s.login))))
	mux.Handle("GET /login/ticket/{ticket}", pageHeaders(http.HandlerFunc(s.redeemTicket)))
	page := func(h http.HandlerFunc) http.Handler { return pageHeaders(sameOrigin.Handler(s.signedIn(h))) }
	mux.Handle("POST /logout", page(s.logout))
	mux.Handle("GET /ui/alerts", page(s.alertsPage))
	mux.Handle("GET /ui/alerts/rows", page(s.alertRows))
	mux.Handle("GET /ui/alerts/{tenant}/{id}", page(s.alertPage))
	mux.Handle("GET /ui/suppressions", page(s.suppressionsPage))
	mux.Handle("GET /ui/responses", page(s.responsesPage))
	mux.Handle("GET /ui/secrets", page(s.secretsPage))
	mux.Handle("GET /ui/actors", page(s.findActor))
	mux.Handle("GET /ui/actors/{id}", page(s.actorPage))
	mux.Handle("GET /ui/tenants/cross-access", page(s.crossPage))
	mux.Handle("GET /ui/events/search", page(s.searchPage))
	mux.Handle("GET /ui/credentials", page(s.findCredential))
	mux.Handle("GET /ui/credentials/{id}", page(s.credentialPage))
	mux.Handle("/ui/", page(func(w http.ResponseWriter, r *http.Request) {
		s.renderError(w, r, http.StatusNotFound, "", "There is no such page.")
	}))
}

// pageHeaders sets the pages' CSP over the API's.
func pageHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", pageCSP)
		next.ServeHTTP(w, r)
	})
}

// signedIn serves next for a request with a live session (and, for an
// unsafe method, its CSRF token); without one, the browser is sent to the
// login page (htmx requests by the HX-Redirect header).
func (s *Server) signedIn(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := s.sessionCookie(r)
		v, err := s.session(r, id)
		switch {
		case errors.Is(err, errNoSession):
			if id != "" {
				s.clearSessionCookie(w)
			}
			if r.Header.Get("HX-Request") != "" {
				w.Header().Set("HX-Redirect", "/login")
				w.WriteHeader(http.StatusUnauthorized)
				return
			}
			http.Redirect(w, r, "/login", http.StatusSeeOther)
		case err != nil:
			s.cfg.Log.Warn("session user lookup failed", "err", err)
			s.renderError(w, r, http.StatusServiceUnavailable, "", "The user store is unavailable.")
		case !csrfOK(w, r, v):
			s.renderError(w, withSession(r, v), http.StatusForbidden, "csrf",
				"This request did not carry the session's CSRF token: reload the page and try again.")
		default:
			next.ServeHTTP(w, withSession(r, v))
		}
	})
}

// staticFiles serves console/web/static (no directory listings).
func staticFiles() http.Handler {
	sub, err := fs.Sub(web.Static, "static")
	if err != nil {
		panic(err) // embedded at build time
	}
	files := http.StripPrefix("/static/", http.FileServerFS(sub))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			writeError(w, http.StatusNotFound, "", "no such file")
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
