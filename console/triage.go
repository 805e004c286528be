package console

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// triageRoutes registers the triage endpoints.
func (s *Server) triageRoutes(mux *http.ServeMux) {
	for _, a := range []struct{ path, action string }{{"acknowledge", "acknowledge"}, {"assign", "assign"},
		{"notes", "note"}, {"close", "close"}, {"reopen", "reopen"}} {
		mux.Handle("POST /api/v1/alerts/{tenant}/{id}/"+a.path, s.authenticated(s.triageAlert(a.action)))
	}
	mux.Handle("GET /api/v1/alerts/{tenant}/{id}/triage", s.authenticated(http.HandlerFunc(s.alertTriage)))
	mux.Handle("POST /api/v1/alerts/bulk", s.authenticated(http.HandlerFunc(s.bulkTriage)))
}

// triageDone is a triage action's answer: the entry it appended, which
// holds the alert's triage state after it.
type triageDone struct {
	Tenant string      `json:"tenant"`
	ID     string      `json:"id"`
	Entry  TriageEntry `json:"entry"`
}

// triageAlert answers POST /api/v1/alerts/{tenant}/{id}/<action>.
func (s *Server) triageAlert(action string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !userOf(r).May(access.Triage) {
			writeError(w, http.StatusForbidden, "", "this role may not triage alerts")
			return
		}
		a, err := decodeTriageAction(action, w, r)
		if badQuery(w, err) || badQuery(w, a.validate()) {
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
		defer cancel()
		tenant, id := r.PathValue("tenant"), r.PathValue("id")
		e, err := s.triageOne(ctx, r, tenant, id, a)
		if code, msg := s.triageFailure(err); code != 0 {
			writeError(w, code, "", msg)
			return
		}
		writeJSON(w, http.StatusOK, triageDone{Tenant: tenant, ID: id, Entry: e})
	}
}

// errNoSuchAlert answers a missing alert and one out of scope alike.
var errNoSuchAlert = errors.New("no such alert")

// triageOne checks alert id of tenant is the user's, applies a to its
// triage, records the action and appends the entry.
func (s *Server) triageOne(ctx context.Context, r *http.Request, tenant, id string, a triageAction) (TriageEntry, error) {
	u := userOf(r)
	if !validName(tenant) || !validName(id) || !u.SeesTenant(tenant) {
		return TriageEntry{}, errNoSuchAlert
	}
	s.work.mu.Lock()
	defer s.work.mu.Unlock()
	if err := s.alertPresent(ctx, tenant, id); err != nil {
		return TriageEntry{}, err
	}
	st, err := s.triageOf(ctx, tenant, id)
	if err != nil {
		return TriageEntry{}, err
	}
	e, err := a.apply(st, u.Name, s.cfg.Now().UTC().Truncate(time.Second))
	if err != nil {
		return e, err
	}
	if err := s.record(ctx, r, "alert."+a.Action, tenant, id, a); err != nil {
		return e, err
	}
	return e, s.appendTriage(ctx, tenant, id, e)
}

// triageFailure is the status and message err answers with (0: none).
func (s *Server) triageFailure(err error) (int, string) {
	return s.writeFailure(err, "triage", errNoSuchAlert, "no such alert", "the alert store is unavailable")
}

// writeFailure maps an analyst write's error to its answer: 409 for a
// conflict, 503 for the action log, 404 for missing (its message), else
// 503 for the store (logged under what).
func (s *Server) writeFailure(err error, what string, missing error, missingMsg, storeMsg string) (int, string) {
	var conflict *conflictError
	switch {
	case err == nil:
		return 0, ""
	case errors.As(err, &conflict):
		return http.StatusConflict, conflict.reason
	case errors.Is(err, errActionLog):
		return http.StatusServiceUnavailable, errActionLog.Error()
	case errors.Is(err, missing):
		return http.StatusNotFound, missingMsg
	}
	s.cfg.Log.Error(what, "err", err)
	return http.StatusServiceUnavailable, storeMsg
}
