package console

import (
	"context"
	"errors"
	"net/http"
	"net/url"

	"github.com/credwatch/credwatch/console/access"
)

// responsesView is the responses page's data: the intents GET
// /api/v1/responses lists (same parameters, same query) and the bulk
// approval requests waiting for a second person (GET /api/v1/responses/bulk).
type responsesView struct {
	Query     url.Values
	States    []string
	From, To  string // the range as datetime-local values
	Responses []Response
	Bulk      []bulkRequest
	Problem   *errorView
}

// responsesPage answers GET /ui/responses: analysts approve or reject
// proposed revocations one by one, or request a bulk approval that
// another analyst confirms.
func (s *Server) responsesPage(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Triage) {
		s.renderError(w, r, http.StatusForbidden, "", "This role may not review revocations.")
		return
	}
	q := fromDatetimeLocal(r.URL.Query())
	v := responsesView{Query: q, States: intentStates, Responses: []Response{}, Bulk: []bulkRequest{},
		From: datetimeLocal(q.Get("from")), To: datetimeLocal(q.Get("to"))}
	f, err := parseResponseFilter(q, s.cfg.Now().UTC())
	var fe *fieldError
	if errors.As(err, &fe) {
		v.Problem = &errorView{Code: http.StatusBadRequest, Field: fe.field, Message: fe.reason}
		s.render(w, r, http.StatusBadRequest, "responses", "Responses", v)
		return
	}
	if err := s.record(r.Context(), r, "responses.list", f.Tenant, "", f); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	if f.Tenant == "" || u.SeesTenant(f.Tenant) { // another tenant's: as empty as one without intents
		v.Responses, err = s.responses(ctx, f, u.TenantScope())
	}
	if err == nil {
		v.Bulk, err = s.pendingBulkRequests(ctx, u)
	}
	if err != nil {
		s.cfg.Log.Error("responses page", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The response store is unavailable.")
		return
	}
	s.render(w, r, http.StatusOK, "responses", "Responses", v)
}
