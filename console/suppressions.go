package console

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/detect/suppressions"
)

// suppressionRoutes registers the suppression endpoints.
func (s *Server) suppressionRoutes(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/suppressions", s.authenticated(http.HandlerFunc(s.listSuppressions)))
	mux.Handle("POST /api/v1/suppressions", s.authenticated(http.HandlerFunc(s.addSuppression)))
	mux.Handle("DELETE /api/v1/suppressions/{id}", s.authenticated(http.HandlerFunc(s.endSuppression)))
}

// suppressionList is GET /api/v1/suppressions's answer.
type suppressionList struct {
	Suppressions []suppressions.Record `json:"suppressions"`
}

var suppressionParams = []string{"state", "limit"}

var suppressionStates = []string{suppressions.StateActive, suppressions.StateEnded, suppressions.StateExpired, suppressions.StateAll}

// parseSuppressionFilter reads GET /api/v1/suppressions's query.
func parseSuppressionFilter(q url.Values) (suppressions.Filter, error) {
	f := suppressions.Filter{State: suppressions.StateActive, Limit: 100}
	if err := onlyParams(q, suppressionParams); err != nil {
		return f, err
	}
	if v := q.Get("state"); v != "" {
		if !slices.Contains(suppressionStates, v) {
			return f, &fieldError{"state", "must be one of active, ended, expired, all"}
		}
		f.State = v
	}
	var err error
	f.Limit, err = parseLimit(q, f.Limit, maxLimit)
	return f, err
}

// listSuppressions answers GET /api/v1/suppressions: those of the tenants
// in scope (a scoped user sees none that spans every tenant), newest first.
func (s *Server) listSuppressions(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.ReadAlerts) {
		writeError(w, http.StatusForbidden, "", "this role may not read suppressions")
		return
	}
	f, err := parseSuppressionFilter(r.URL.Query())
	if badQuery(w, err) || !s.audited(w, r, "suppressions.list", "", f) {
		return
	}
	f.Scope, f.Now = u.TenantScope(), s.cfg.Now().UTC()
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	recs, err := s.work.suppressions.List(ctx, f)
	if err != nil {
		s.cfg.Log.Error("suppressions", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the suppression store is unavailable")
		return
	}
	writeJSON(w, http.StatusOK, suppressionList{Suppressions: recs})
}

// newID is a fresh random id starting with prefix.
func newID(prefix string) string {
	b := make([]byte, 10)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}
