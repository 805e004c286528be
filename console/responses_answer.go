package console

import (
	"context"
	"errors"
	"net/http"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/respond"
)

// errNoSuchIntent answers a missing intent and one out of scope alike.
var errNoSuchIntent = errors.New("no such intent")

// maxReason bounds an approval's or rejection's reason.
const maxReason = 1024

// answerIntent answers POST /api/v1/responses/{tenant}/{id}/approve (body
// optional) and .../reject (a reason required): respond.Approvals records
// the answer by the console user, and the running respond service delivers
// an approved revocation within its poll interval.
func (s *Server) answerIntent(approve bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !userOf(r).May(access.Triage) {
			writeError(w, http.StatusForbidden, "", "this role may not answer revocations")
			return
		}
		var b struct {
			Reason string `json:"reason"`
		}
		if badQuery(w, decodeBody(w, r, &b, approve)) || badQuery(w, checkText("reason", b.Reason, maxReason, !approve)) {
			return
		}
		tenant, id := r.PathValue("tenant"), r.PathValue("id")
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
		defer cancel()
		s.work.mu.Lock()
		_, err := s.answerOne(ctx, r, tenant, id, approve, b.Reason)
		s.work.mu.Unlock()
		var out []Response
		if err == nil {
			out, err = s.responses(ctx, responseFilter{Tenant: tenant, ID: id, Limit: 1}, nil)
		}
		if err == nil && len(out) == 0 {
			err = errors.New("the answered intent is not in the outbox")
		}
		if code, msg := s.intentFailure(err); code != 0 {
			writeError(w, code, "", msg)
			return
		}
		writeJSON(w, http.StatusOK, out[0])
	}
}

// proposedIntent is intent id of tenant when the user sees it and it waits
// for approval.
func (s *Server) proposedIntent(ctx context.Context, u access.User, tenant, id string) (respond.Intent, error) {
	if !validName(tenant) || !validName(id) || !u.SeesTenant(tenant) {
		return respond.Intent{}, errNoSuchIntent
	}
	in, ok, err := s.work.approvals.Outbox.Get(ctx, tenant, id)
	switch {
	case err != nil:
		return in, err
	case !ok:
		return in, errNoSuchIntent
	case in.State != respond.StateProposed:
		return in, &conflictError{"the intent is " + in.State + ", not waiting for approval"}
	}
	return in, nil
}

// answerOne records and makes the user's answer to a proposed intent; the
// caller holds s.work.mu.
func (s *Server) answerOne(ctx context.Context, r *http.Request, tenant, id string, approve bool, reason string) (respond.Intent, error) {
	u := userOf(r)
	if in, err := s.proposedIntent(ctx, u, tenant, id); err != nil {
		return in, err
	}
	action := map[bool]string{true: "response.approve", false: "response.reject"}[approve]
	if err := s.record(ctx, r, action, tenant, id, map[string]string{"reason": reason}); err != nil {
		return respond.Intent{}, err
	}
	if approve {
		return s.work.approvals.Approve(ctx, tenant, id, u.Name)
	}
	return s.work.approvals.Reject(ctx, tenant, id, u.Name, reason)
}

// intentFailure is the status and message err answers with (0: none).
func (s *Server) intentFailure(err error) (int, string) {
	return s.writeFailure(err, "responses", errNoSuchIntent, errNoSuchIntent.Error(), "the response store is unavailable")
}
