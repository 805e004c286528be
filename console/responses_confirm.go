package console

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// bulkConfirmation is the confirmation's answer: the request, confirmed,
// and what became of each intent.
type bulkConfirmation struct {
	Request bulkRequest  `json:"request"`
	Results []bulkResult `json:"results"`
}

// confirmBulkApproval answers POST /api/v1/responses/bulk/{request}/confirm:
// a user other than the requester, who sees every tenant of the request,
// approves all its intents (each still waiting; the others are reported).
func (s *Server) confirmBulkApproval(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Triage) {
		writeError(w, http.StatusForbidden, "", "this role may not answer revocations")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	s.work.mu.Lock()
	defer s.work.mu.Unlock()
	b, err := s.confirmable(ctx, u, r.PathValue("request"))
	switch {
	case errors.Is(err, errConfirmByRequester):
		writeError(w, http.StatusForbidden, "", err.Error())
		return
	case errors.Is(err, errNoSuchRequest):
		writeError(w, http.StatusNotFound, "", err.Error())
		return
	case err != nil:
		code, msg := s.intentFailure(err)
		writeError(w, code, "", msg)
		return
	}
	if !s.audited(w, r, "response.bulk_confirm", "", map[string]any{"request": b.ID, "requested_by": b.RequestedBy}) {
		return
	}
	b.State, b.ConfirmedBy, b.At, b.version = bulkConfirmed, u.Name, s.cfg.Now().UTC().Truncate(time.Second), b.version+1
	if err := s.writeBulkRequest(ctx, b); err != nil {
		code, msg := s.intentFailure(err)
		writeError(w, code, "", msg)
		return
	}
	out := bulkConfirmation{Request: b, Results: make([]bulkResult, len(b.Intents))}
	for i, ref := range b.Intents {
		in, err := s.answerOne(ctx, r, ref.Tenant, ref.ID, true, "bulk "+b.ID+" requested by "+b.RequestedBy+": "+b.Reason)
		out.Results[i] = bulkResult{Tenant: ref.Tenant, ID: ref.ID, Result: "done", Status: in.State}
		switch code, msg := s.intentFailure(err); code {
		case 0:
		case http.StatusNotFound:
			out.Results[i].Result, out.Results[i].Error = "not_found", msg
		case http.StatusConflict:
			out.Results[i].Result, out.Results[i].Error = "conflict", msg
		default:
			out.Results[i].Result, out.Results[i].Error = "failed", msg
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// errNoSuchRequest answers a missing request and one holding an intent of
// a tenant the user does not see alike.
var errNoSuchRequest = errors.New("no such bulk request")

// confirmable is request id when u may confirm it now.
func (s *Server) confirmable(ctx context.Context, u access.User, id string) (bulkRequest, error) {
	if !validName(id) {
		return bulkRequest{}, errNoSuchRequest
	}
	b, ok, err := s.bulkRequestByID(ctx, id)
	if err != nil {
		return b, err
	}
	if !ok {
		return b, errNoSuchRequest
	}
	for _, ref := range b.Intents {
		if !u.SeesTenant(ref.Tenant) {
			return b, errNoSuchRequest
		}
	}
	switch {
	case b.RequestedBy == u.Name:
		return b, errConfirmByRequester
	case b.State != bulkPending:
		return b, &conflictError{"the request was already confirmed by " + b.ConfirmedBy}
	case s.cfg.Now().Sub(b.Created) > bulkRequestLife:
		return b, &conflictError{"the request expired; request it again"}
	}
	return b, nil
}
