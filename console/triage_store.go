package console

import (
	"context"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/store"
)

// Triage statuses an alert moves through.
const (
	statusNew          = "new"
	statusAcknowledged = "acknowledged"
	statusClosed       = "closed"
)

var triageStatuses = []string{statusNew, statusAcknowledged, statusClosed}

// triageState is where an alert's triage stands: its newest entry's.
type triageState struct {
	Seq         uint32
	Status      string
	Assignee    string
	CloseReason string
}

// TriageEntry is one analyst action on an alert, with the triage state it
// left (alert_triage's row).
type TriageEntry struct {
	Seq         uint32    `json:"seq"`
	At          time.Time `json:"at"`
	Action      string    `json:"action"`
	Status      string    `json:"status"`
	Assignee    string    `json:"assignee"`
	CloseReason string    `json:"close_reason"`
	Note        string    `json:"note"`
	By          string    `json:"by"`
}

// alertExists reports whether tenant has alert id (any revision).
func (s *Server) alertExists(ctx context.Context, tenant, id string) (bool, error) {
	var n uint64
	err := s.cfg.Store.Conn().QueryRow(ctx, "SELECT count() FROM alerts WHERE tenant = ? AND id = ?", tenant, id).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("alert exists: %w", err)
	}
	return n > 0, nil
}

// alertPresent is nil when tenant has alert id, else errNoSuchAlert or
// the store's error.
func (s *Server) alertPresent(ctx context.Context, tenant, id string) error {
	ok, err := s.alertExists(ctx, tenant, id)
	if err == nil && !ok {
		err = errNoSuchAlert
	}
	return err
}

// triageOf is alert id's triage as it stands (new before any action).
func (s *Server) triageOf(ctx context.Context, tenant, id string) (triageState, error) {
	var st triageState
	err := s.cfg.Store.Conn().QueryRow(ctx, "SELECT max(seq), argMax(status, seq), argMax(assignee, seq), "+
		"argMax(close_reason, seq) FROM alert_triage WHERE tenant = ? AND alert_id = ?", tenant, id).
		Scan(&st.Seq, &st.Status, &st.Assignee, &st.CloseReason)
	if err != nil {
		return st, fmt.Errorf("triage state: %w", err)
	}
	if st.Seq == 0 {
		st.Status = statusNew
	}
	return st, nil
}

var triageColumns = []string{"tenant", "alert_id", "seq", "at", "action", "status", "assignee", "close_reason", "note", "by"}

// appendTriage writes e as alert id's next entry.
func (s *Server) appendTriage(ctx context.Context, tenant, id string, e TriageEntry) error {
	rows := store.Rows{Table: "alert_triage", Columns: triageColumns, Values: [][]any{{tenant, id, e.Seq, e.At.UTC(),
		e.Action, e.Status, e.Assignee, e.CloseReason, e.Note, e.By}}}
	if err := s.cfg.Store.InsertRows(ctx, rows); err != nil {
		return fmt.Errorf("triage: append: %w", err)
	}
	return nil
}

// maxHistory bounds the entries a triage answer lists (the newest).
const maxHistory = 1000

// triageHistory is alert id's entries, oldest first.
func (s *Server) triageHistory(ctx context.Context, tenant, id string) ([]TriageEntry, error) {
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT seq, at, action, status, assignee, close_reason, note, by "+
		"FROM alert_triage WHERE tenant = ? AND alert_id = ? ORDER BY seq DESC LIMIT ?", tenant, id, uint64(maxHistory))
	if err != nil {
		return nil, fmt.Errorf("triage history: %w", err)
	}
	defer rows.Close()
	out := []TriageEntry{}
	for rows.Next() {
		var e TriageEntry
		if err := rows.Scan(&e.Seq, &e.At, &e.Action, &e.Status, &e.Assignee, &e.CloseReason, &e.Note, &e.By); err != nil {
			return nil, fmt.Errorf("triage history: scan: %w", err)
		}
		out = append(out, e)
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, rows.Err()
}
