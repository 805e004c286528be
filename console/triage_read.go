package console

import (
	"context"
	"net/http"

	"github.com/credwatch/credwatch/console/access"
)

// TriageView is GET /api/v1/alerts/{tenant}/{id}/triage's answer: where
// the alert's triage stands and every action on it, notes included,
// oldest first (the newest 1000).
type TriageView struct {
	Tenant      string        `json:"tenant"`
	ID          string        `json:"id"`
	Status      string        `json:"status"`
	Assignee    string        `json:"assignee"`
	CloseReason string        `json:"close_reason"`
	History     []TriageEntry `json:"history"`
}

// alertTriage answers GET /api/v1/alerts/{tenant}/{id}/triage.
func (s *Server) alertTriage(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.ReadAlerts) {
		writeError(w, http.StatusForbidden, "", "this role may not read alerts")
		return
	}
	tenant, id := r.PathValue("tenant"), r.PathValue("id")
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	err := errNoSuchAlert
	if validName(tenant) && validName(id) && u.SeesTenant(tenant) {
		err = s.alertPresent(ctx, tenant, id)
	}
	if code, msg := s.triageFailure(err); code != 0 {
		writeError(w, code, "", msg)
		return
	}
	if !s.audited(w, r, "alert.triage", tenant, map[string]string{"alert": id}) {
		return
	}
	v := TriageView{Tenant: tenant, ID: id}
	st, err := s.triageOf(ctx, tenant, id)
	if err == nil {
		v.History, err = s.triageHistory(ctx, tenant, id)
	}
	if code, msg := s.triageFailure(err); code != 0 {
		writeError(w, code, "", msg)
		return
	}
	v.Status, v.Assignee, v.CloseReason = st.Status, st.Assignee, st.CloseReason
	writeJSON(w, http.StatusOK, v)
}
