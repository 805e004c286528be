package console

import (
	"context"
	"fmt"
	"strconv"
)

// alertRecordColumns are what the alert page reads of an alert, in
// scanAlertRecord's order.
const alertRecordColumns = alertColumns + ", suppression_id, suppression_owner, suppression_reason, " +
	"evidence_count, explanation, updated_at"

// loadAlertDetail reads the alert of p (its tenant in scope) and the rest of
// its page, within the query timeout; found is false when there is no such
// alert.
func (s *Server) loadAlertDetail(ctx context.Context, p alertPage, scope []string) (d AlertDetail, found bool, err error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	// alerts is sorted by (tenant, id): FINAL on the table itself (not the
	// alerts_latest view, which 18.16 does not filter through) is a point read.
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT "+alertRecordColumns+
		" FROM alerts FINAL WHERE tenant = ? AND id = ? LIMIT 1", p.Tenant, p.ID)
	if err != nil {
		return d, false, fmt.Errorf("alert: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return d, false, rows.Err()
	}
	var explanation string
	if d.Alert, explanation, err = scanAlertRecord(rows); err != nil {
		return d, false, fmt.Errorf("alert: scan: %w", err)
	}
	rows.Close()
	d.Explanation = explain(d.Alert.Reason, explanation)
	if d.Evidence, err = s.alertEvidence(ctx, d.Alert); err != nil {
		return d, true, err
	}
	if d.Timeline, err = s.alertTimeline(ctx, d.Alert, p, scope); err != nil {
		return d, true, err
	}
	if d.Related, err = s.relatedAlerts(ctx, d.Alert.Alert); err != nil {
		return d, true, err
	}
	triaged := []*Alert{&d.Alert.Alert}
	for i := range d.Related {
		triaged = append(triaged, &d.Related[i])
	}
	if err = s.fillTriage(ctx, d.Alert.Tenant, triaged...); err != nil {
		return d, true, err
	}
	d.Response, err = s.alertResponse(ctx, d.Alert.ID, scope)
	return d, true, err
}

// scanAlertRecord reads one row of alertRecordColumns and the stored explanation.
func scanAlertRecord(rows scanner) (AlertRecord, string, error) {
	var a AlertRecord
	var shadow, suppressed uint8
	var sup SuppressionRecord
	var explanation string
	err := rows.Scan(&a.Tenant, &a.ID, &a.Revision, &a.Rule, &a.Title, &a.Severity, &a.Tier, &shadow, &suppressed,
		&a.Credential, &a.Actor, &a.FirstSeen, &a.LastSeen, &a.Count, &a.Reason,
		&sup.ID, &sup.Owner, &sup.Reason, &a.EvidenceCount, &explanation, &a.UpdatedAt)
	a.Shadow, a.Suppressed = shadow == 1, suppressed == 1
	if sup != (SuppressionRecord{}) {
		a.Suppression = &sup
	}
	return a, explanation, err
}

// relatedAlerts are the newest other alerts of a's tenant on its credential
// or by its actor.
func (s *Server) relatedAlerts(ctx context.Context, a Alert) ([]Alert, error) {
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT "+alertColumns+" FROM alerts FINAL WHERE tenant = ? AND id != ? "+
		"AND (credential = ? OR (actor != '' AND actor = ?)) ORDER BY last_seen DESC, id LIMIT "+strconv.Itoa(maxRelated),
		a.Tenant, a.ID, a.Credential, a.Actor)
	if err != nil {
		return nil, fmt.Errorf("related alerts: %w", err)
	}
	defer rows.Close()
	out := []Alert{}
	for rows.Next() {
		var r Alert
		if err := scanAlert(rows, &r); err != nil {
			return nil, fmt.Errorf("related alerts: scan: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
