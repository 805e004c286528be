package console

import (
	"context"
	"fmt"
	"net/http"
	"slices"

	"github.com/credwatch/credwatch/console/access"
)

// bulkTriageRequest is POST /api/v1/alerts/bulk's body.
type bulkTriageRequest struct {
	Action   string     `json:"action"` // acknowledge, assign or close
	Alerts   []alertRef `json:"alerts"`
	Assignee string     `json:"assignee,omitempty"`
	Reason   string     `json:"reason,omitempty"`
	Note     string     `json:"note,omitempty"`
}

// alertRef names one alert.
type alertRef struct {
	Tenant string `json:"tenant"`
	ID     string `json:"id"`
}

// bulkResult is what became of one alert of a bulk action.
type bulkResult struct {
	Tenant string `json:"tenant"`
	ID     string `json:"id"`
	Result string `json:"result"`           // done, not_found, conflict or failed
	Status string `json:"status,omitempty"` // after the action; for a conflict, the one that refused it
	Error  string `json:"error,omitempty"`
}

var bulkActions = []string{"acknowledge", "assign", "close"}

// bulkTriage answers POST /api/v1/alerts/bulk: the action on each alert,
// each checked, recorded and answered on its own.
func (s *Server) bulkTriage(w http.ResponseWriter, r *http.Request) {
	if !userOf(r).May(access.Triage) {
		writeError(w, http.StatusForbidden, "", "this role may not triage alerts")
		return
	}
	var req bulkTriageRequest
	if badQuery(w, decodeBody(w, r, &req, false)) || badQuery(w, req.validate()) {
		return
	}
	a := triageAction{Action: req.Action, Assignee: req.Assignee, Reason: req.Reason, Note: req.Note}
	if badQuery(w, a.validate()) || !s.audited(w, r, "alerts.bulk", "", req) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	results := make([]bulkResult, len(req.Alerts))
	for i, ref := range req.Alerts {
		results[i] = bulkResult{Tenant: ref.Tenant, ID: ref.ID, Result: "done"}
		e, err := s.triageOne(ctx, r, ref.Tenant, ref.ID, a)
		code, msg := s.triageFailure(err)
		switch code {
		case 0:
			results[i].Status = e.Status
		case http.StatusNotFound:
			results[i].Result, results[i].Error = "not_found", msg
		case http.StatusConflict: // e holds the state that refused the action
			results[i].Result, results[i].Status, results[i].Error = "conflict", e.Status, msg
		default:
			results[i].Result, results[i].Error = "failed", msg
		}
	}
	writeJSON(w, http.StatusOK, map[string][]bulkResult{"results": results})
}

// validate names the first bad field of req, but its action's own fields.
func (req bulkTriageRequest) validate() error {
	if !slices.Contains(bulkActions, req.Action) {
		return &fieldError{"action", fmt.Sprintf("must be one of %v", bulkActions)}
	}
	if len(req.Alerts) == 0 || len(req.Alerts) > maxBulk {
		return &fieldError{"alerts", fmt.Sprintf("must list 1 to %d alerts", maxBulk)}
	}
	seen := map[alertRef]bool{}
	for i, ref := range req.Alerts {
		if seen[ref] {
			return &fieldError{fmt.Sprintf("alerts[%d]", i), "is listed twice"}
		}
		seen[ref] = true
	}
	return nil
}
