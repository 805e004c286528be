package console

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/credwatch/credwatch/console/access"
)

// alertList is GET /api/v1/alerts's answer.
type alertList struct {
	Alerts []Alert `json:"alerts"`
}

// listAlerts answers GET /api/v1/alerts: the newest revision of each alert
// the user may see, filtered, sorted and bounded.
func (s *Server) listAlerts(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.ReadAlerts) {
		writeError(w, http.StatusForbidden, "", "this role may not read alerts")
		return
	}
	f, err := parseAlertFilter(r.URL.Query(), s.cfg.Now().UTC())
	if badQuery(w, err) {
		return
	}
	if f.Tenant != "" && !u.SeesTenant(f.Tenant) {
		writeJSON(w, http.StatusOK, alertList{Alerts: []Alert{}}) // as empty as a tenant with no alerts
		return
	}
	if !s.audited(w, r, "alerts.list", f.Tenant, f) {
		return
	}
	alerts, err := s.alerts(r.Context(), f, u.TenantScope())
	if err != nil {
		s.cfg.Log.Error("alerts query", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the alert store is unavailable")
		return
	}
	writeJSON(w, http.StatusOK, alertList{Alerts: alerts})
}

// alerts runs f's query within the query timeout.
func (s *Server) alerts(ctx context.Context, f alertFilter, scope []string) ([]Alert, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	q, args := f.query(scope)
	rows, err := s.cfg.Store.Conn().Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("alerts: %w", err)
	}
	defer rows.Close()
	out := []Alert{}
	for rows.Next() {
		var a Alert
		if err := scanAlert(rows, &a, &a.Status, &a.Assignee); err != nil {
			return nil, fmt.Errorf("alerts: scan: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// badQuery answers 400, naming the parameter, when err is a bad one.
func badQuery(w http.ResponseWriter, err error) bool {
	var fe *fieldError
	if errors.As(err, &fe) {
		writeError(w, http.StatusBadRequest, fe.field, fe.reason)
		return true
	}
	return false
}

// audited appends the request user's action to the action log, or answers
// 503: nothing is served that is not on the record.
func (s *Server) audited(w http.ResponseWriter, r *http.Request, action, tenant string, detail any) bool {
	err := s.record(r.Context(), r, action, tenant, "", detail)
	if err != nil {
		writeError(w, http.StatusServiceUnavailable, "", "the action log is unavailable")
	}
	return err == nil
}
