package console

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// bulkApproveRequest is POST /api/v1/responses/bulk-approve's body.
type bulkApproveRequest struct {
	Intents []intentRef `json:"intents"`
	Reason  string      `json:"reason"`
}

// validate names the first bad field of req.
func (req bulkApproveRequest) validate() error {
	if len(req.Intents) == 0 || len(req.Intents) > maxBulk {
		return &fieldError{"intents", fmt.Sprintf("must list 1 to %d intents", maxBulk)}
	}
	seen := map[intentRef]bool{}
	for i, ref := range req.Intents {
		if seen[ref] {
			return &fieldError{fmt.Sprintf("intents[%d]", i), "is listed twice"}
		}
		seen[ref] = true
	}
	return checkText("reason", req.Reason, maxReason, true)
}

// requestBulkApproval answers POST /api/v1/responses/bulk-approve: every
// intent must be the user's to see and waiting for approval; the request
// is recorded as pending and approves nothing until another user confirms.
func (s *Server) requestBulkApproval(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Triage) {
		writeError(w, http.StatusForbidden, "", "this role may not answer revocations")
		return
	}
	var req bulkApproveRequest
	if badQuery(w, decodeBody(w, r, &req, false)) || badQuery(w, req.validate()) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	for i, ref := range req.Intents {
		_, err := s.proposedIntent(ctx, u, ref.Tenant, ref.ID)
		if code, msg := s.intentFailure(err); code != 0 {
			if code == http.StatusNotFound || code == http.StatusConflict {
				writeError(w, code, fmt.Sprintf("intents[%d]", i), msg)
				return
			}
			writeError(w, code, "", msg)
			return
		}
	}
	now := s.cfg.Now().UTC().Truncate(time.Second)
	b := bulkRequest{ID: newID("bulk_"), State: bulkPending, RequestedBy: u.Name, Reason: req.Reason,
		Intents: req.Intents, Created: now, At: now, version: 1}
	if !s.audited(w, r, "response.bulk_request", "", b) {
		return
	}
	if err := s.writeBulkRequest(ctx, b); err != nil {
		code, msg := s.intentFailure(err)
		writeError(w, code, "", msg)
		return
	}
	writeJSON(w, http.StatusAccepted, b)
}

// errConfirmByRequester refuses the requester's own confirmation.
var errConfirmByRequester = errors.New("the request must be confirmed by another user")
