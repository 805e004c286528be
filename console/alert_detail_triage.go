package console

import (
	"context"
	"fmt"
)

// fillTriage sets the triage status and assignee of alerts, all of tenant,
// from the triage log (new and unassigned before any action).
func (s *Server) fillTriage(ctx context.Context, tenant string, alerts ...*Alert) error {
	ids := make([]string, len(alerts))
	for i, a := range alerts {
		ids[i], a.Status, a.Assignee = a.ID, statusNew, ""
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT alert_id, argMax(status, seq), argMax(assignee, seq) FROM alert_triage "+
		"WHERE tenant = ? AND has(?, alert_id) GROUP BY alert_id", tenant, ids)
	if err != nil {
		return fmt.Errorf("triage of alerts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, status, assignee string
		if err := rows.Scan(&id, &status, &assignee); err != nil {
			return fmt.Errorf("triage of alerts: scan: %w", err)
		}
		for _, a := range alerts {
			if a.ID == id {
				a.Status, a.Assignee = status, assignee
			}
		}
	}
	return rows.Err()
}
