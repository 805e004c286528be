package console

import (
	"context"
	"errors"
	"fmt"
)

// scanAlert reads one row of alertColumns, then extra, into a.
func scanAlert(row scanner, a *Alert, extra ...any) error {
	var shadow, suppressed uint8
	dest := append([]any{&a.Tenant, &a.ID, &a.Revision, &a.Rule, &a.Title, &a.Severity, &a.Tier, &shadow, &suppressed,
		&a.Credential, &a.Actor, &a.FirstSeen, &a.LastSeen, &a.Count, &a.Reason}, extra...)
	if err := row.Scan(dest...); err != nil {
		return err
	}
	a.Shadow, a.Suppressed = shadow == 1, suppressed == 1
	return nil
}

// alertRowData is one alert with everything its row holds: what the list
// shows, and its explanation (JSON), evidence count and suppression.
type alertRowData struct {
	Alert
	Explanation       string
	EvidenceCount     uint32
	SuppressionID     string
	SuppressionOwner  string
	SuppressionReason string
}

// errNoAlert is an alert that does not exist or is not in the user's scope.
var errNoAlert = errors.New("console: no such alert")

// alertByID returns alert tenant/id at its newest revision, if tenant is in
// scope (nil: every tenant); errNoAlert otherwise. Within the query timeout.
func (s *Server) alertByID(ctx context.Context, tenant, id string, scope []string) (alertRowData, error) {
	ctx, cancel := context.WithTimeout(ctx, s.cfg.QueryTimeout)
	defer cancel()
	q, args := "SELECT "+alertColumns+", explanation, evidence_count, suppression_id, suppression_owner, suppression_reason "+
		"FROM alerts_latest WHERE tenant = ? AND id = ?", []any{tenant, id}
	if scope != nil {
		q, args = q+" AND has(?, tenant)", append(args, scope)
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, q+" LIMIT 1", args...)
	if err != nil {
		return alertRowData{}, fmt.Errorf("alert: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return alertRowData{}, fmt.Errorf("alert: %w", err)
		}
		return alertRowData{}, errNoAlert
	}
	var a alertRowData
	if err := scanAlert(rows, &a.Alert, &a.Explanation, &a.EvidenceCount, &a.SuppressionID, &a.SuppressionOwner,
		&a.SuppressionReason); err != nil {
		return alertRowData{}, fmt.Errorf("alert: scan: %w", err)
	}
	return a, nil
}
