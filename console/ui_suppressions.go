package console

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/detect/suppressions"
)

// suppressionsView is the suppressions page's data: the list GET
// /api/v1/suppressions answers (same parameters, same query) and the
// form that adds one.
type suppressionsView struct {
	Query          url.Values
	States         []string
	Suppressions   []suppressions.Record
	Problem        *errorView
	Now            time.Time
	DefaultTenant  string // a scoped user's first tenant, for the form
	DefaultExpires string // a week from now, as a datetime-local value
}

// suppressionsPage answers GET /ui/suppressions: the suppressions of the
// tenants in scope; analysts add and end them from it.
func (s *Server) suppressionsPage(w http.ResponseWriter, r *http.Request) {
	u, now := userOf(r), s.cfg.Now().UTC()
	if !u.May(access.ReadAlerts) {
		s.renderError(w, r, http.StatusForbidden, "", "This role may not read suppressions.")
		return
	}
	q := cloneValues(r.URL.Query())
	v := suppressionsView{Query: q, States: suppressionStates, Suppressions: []suppressions.Record{}, Now: now,
		DefaultExpires: now.Add(7 * 24 * time.Hour).Format(datetimeLocalLayout)}
	if len(u.Tenants) > 0 {
		v.DefaultTenant = u.Tenants[0]
	}
	f, err := parseSuppressionFilter(q)
	var fe *fieldError
	if errors.As(err, &fe) {
		v.Problem = &errorView{Code: http.StatusBadRequest, Field: fe.field, Message: fe.reason}
		s.render(w, r, http.StatusBadRequest, "suppressions", "Suppressions", v)
		return
	}
	if err := s.record(r.Context(), r, "suppressions.list", "", "", f); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	f.Scope, f.Now = u.TenantScope(), now
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	if v.Suppressions, err = s.work.suppressions.List(ctx, f); err != nil {
		s.cfg.Log.Error("suppressions", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The suppression store is unavailable.")
		return
	}
	s.render(w, r, http.StatusOK, "suppressions", "Suppressions", v)
}
