package console

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/respond"
)

// responseRoutes registers the revocation approval endpoints.
func (s *Server) responseRoutes(mux *http.ServeMux) {
	mux.Handle("GET /api/v1/responses", s.authenticated(http.HandlerFunc(s.listResponses)))
	mux.Handle("POST /api/v1/responses/{tenant}/{id}/approve", s.authenticated(s.answerIntent(true)))
	mux.Handle("POST /api/v1/responses/{tenant}/{id}/reject", s.authenticated(s.answerIntent(false)))
	mux.Handle("GET /api/v1/responses/bulk", s.authenticated(http.HandlerFunc(s.listBulkRequests)))
	mux.Handle("POST /api/v1/responses/bulk-approve", s.authenticated(http.HandlerFunc(s.requestBulkApproval)))
	mux.Handle("POST /api/v1/responses/bulk/{request}/confirm", s.authenticated(http.HandlerFunc(s.confirmBulkApproval)))
}

// responseFilter is GET /api/v1/responses's query, validated.
type responseFilter struct {
	States        []string
	Alert, Tenant string
	ID            string // one intent (internal)
	From, To      time.Time
	Limit         int
}

var responseParams = []string{"state", "alert", "tenant", "from", "to", "limit"}

var intentStates = []string{respond.StateProposed, respond.StateAuto, respond.StateApproved, respond.StateDelivering,
	respond.StateDelivered, respond.StateFailed, respond.StateRejected, respond.StateExpired, respond.StateDryRun}

// parseResponseFilter reads q; now ends the default range of creation.
func parseResponseFilter(q url.Values, now time.Time) (responseFilter, error) {
	a := alertFilter{To: now, From: now.Add(-defaultRange)}
	if err := onlyParams(q, responseParams); err != nil {
		return responseFilter{}, err
	}
	if err := a.parseRange(q); err != nil {
		return responseFilter{}, err
	}
	f := responseFilter{From: a.From, To: a.To, Alert: q.Get("alert"), Tenant: q.Get("tenant"), Limit: 100}
	for _, v := range q["state"] {
		if !slices.Contains(intentStates, v) {
			return f, &fieldError{"state", fmt.Sprintf("must be one of %v", intentStates)}
		}
	}
	f.States = q["state"]
	for key, v := range map[string]string{"alert": f.Alert, "tenant": f.Tenant} {
		if len(v) > maxParamLen || !utf8.ValidString(v) {
			return f, &fieldError{key, "must be valid UTF-8 of at most 256 bytes"}
		}
	}
	var err error
	f.Limit, err = parseLimit(q, f.Limit, maxLimit)
	return f, err
}

// listResponses answers GET /api/v1/responses: the intents of the tenants
// in scope created in the range, newest transition first.
func (s *Server) listResponses(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Triage) {
		writeError(w, http.StatusForbidden, "", "this role may not review revocations")
		return
	}
	f, err := parseResponseFilter(r.URL.Query(), s.cfg.Now().UTC())
	if badQuery(w, err) {
		return
	}
	if f.Tenant != "" && !u.SeesTenant(f.Tenant) {
		writeJSON(w, http.StatusOK, map[string][]Response{"responses": {}})
		return
	}
	if !s.audited(w, r, "responses.list", f.Tenant, f) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	out, err := s.responses(ctx, f, u.TenantScope())
	if err != nil {
		s.cfg.Log.Error("responses", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the response store is unavailable")
		return
	}
	writeJSON(w, http.StatusOK, map[string][]Response{"responses": out})
}
