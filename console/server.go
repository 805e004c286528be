package console

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/store"
)

// Authenticator finds the user an API token belongs to (access.Store).
type Authenticator interface {
	Authenticate(ctx context.Context, token string) (access.User, error)
}

// ActionLog records what users do (audit.Log).
type ActionLog interface {
	Append(ctx context.Context, e audit.Entry) (audit.Entry, error)
}

// Config is what a Server is built from.
type Config struct {
	Store        *store.Store
	Users        Authenticator
	Actions      ActionLog
	Now          func() time.Time
	Log          *slog.Logger
	QueryTimeout time.Duration // every ClickHouse query is cancelled after it (default 10s)

	// PlainHTTP says the console is served over plain http on a loopback
	// address (credwatch run and serve set it on 127.0.0.1): the session
	// cookie is then not marked Secure. Otherwise browsers send it over
	// https only.
	PlainHTTP bool
	// Lookup, when set, confirms a browser session's user (still enabled;
	// its role and tenants now) at most a minute apart (access.Store).
	Lookup UserLookup
	// AlertsRefresh is how often the alerts page fetches new alerts
	// (default 10s).
	AlertsRefresh time.Duration
	// ResponseEvents receives the response.* events of approvals made in
	// the console (nil: none; the transitions are recorded all the same).
	ResponseEvents respond.Emitter
}

// UserLookup finds a user by name as it stands now (access.Store):
// access.ErrUnauthorized for an unknown or disabled one.
type UserLookup interface {
	User(ctx context.Context, name string) (access.User, error)
}

// Server serves the API and the browser console.
type Server struct {
	cfg      Config
	failures *failureLimit
	sessions *sessions
	tickets  *tickets
	views    *views
	work     *analystWork
}

// New returns a Server.
func New(cfg Config) *Server {
	if cfg.QueryTimeout <= 0 {
		cfg.QueryTimeout = 10 * time.Second
	}
	if cfg.AlertsRefresh <= 0 {
		cfg.AlertsRefresh = 10 * time.Second
	}
	return &Server{cfg: cfg, failures: newFailureLimit(cfg.Now), sessions: newSessions(cfg.Now, maxSessions),
		tickets: newTickets(cfg.Now), views: mustParseViews(), work: newAnalystWork(cfg)}
}

// Handler is the API's and the browser console's routes behind security
// headers; those under /api/v1/ but the OpenAPI document need a bearer
// token or a session cookie, the console's pages a session.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/openapi.json", serveOpenAPI)
	mux.Handle("GET /api/v1/alerts", s.authenticated(http.HandlerFunc(s.listAlerts)))
	mux.Handle("GET /api/v1/alerts/{tenant}/{id}", s.authenticated(http.HandlerFunc(s.alertDetail)))
	mux.Handle("GET /api/v1/credentials/{id}/timeline", s.authenticated(http.HandlerFunc(s.timeline)))
	mux.Handle("GET /api/v1/secrets/history", s.authenticated(http.HandlerFunc(s.secretHistory)))
	mux.Handle("GET /api/v1/actors/{id}/activity", s.authenticated(http.HandlerFunc(s.actorActivity)))
	mux.Handle("GET /api/v1/tenants/cross-access", s.authenticated(http.HandlerFunc(s.crossAccess)))
	mux.Handle("GET /api/v1/events/search", s.authenticated(http.HandlerFunc(s.searchEvents)))
	mux.Handle("GET /api/v1/events/export", s.authenticated(http.HandlerFunc(s.exportEvents)))
	s.triageRoutes(mux)
	s.suppressionRoutes(mux)
	s.responseRoutes(mux)
	s.routeUI(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		writeError(w, http.StatusNotFound, "", "no such endpoint")
	})
	return securityHeaders(mux)
}
