package console

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/credwatch/credwatch/event"
)

// Evidence is an alert's evidence events, oldest first, at most 200.
type Evidence struct {
	Total     uint32          `json:"total"`     // evidence ids the alert keeps (at most 1000; its count may be higher)
	Truncated bool            `json:"truncated"` // more than the events listed
	Events    []EvidenceEvent `json:"events"`
}

// EvidenceEvent is one evidence id and, when the store still holds it, its event.
type EvidenceEvent struct {
	Seq   uint32       `json:"seq"` // 0 for the oldest
	ID    string       `json:"id"`
	Found bool         `json:"found"` // false: the event is gone from the store (retention) or not yet in it
	Event *event.Event `json:"event,omitempty"`
}

// alertEvidence joins the alert's evidence ids (alert_evidence, sorted by
// tenant and alert) to their events (events, sorted by tenant and time:
// every evidence event is of the alert's tenant, within its first and last
// seen).
func (s *Server) alertEvidence(ctx context.Context, a AlertRecord) (Evidence, error) {
	out := Evidence{Total: a.EvidenceCount, Events: []EvidenceEvent{}}
	ids := "SELECT event_id AS id, seq FROM alert_evidence FINAL WHERE tenant = ? AND alert_id = ? ORDER BY seq LIMIT " +
		strconv.Itoa(maxEvidenceRows+1)
	events := "SELECT 1 AS found, " + eventSelect + " FROM events FINAL WHERE tenant = ? AND time >= ? AND time <= ? " +
		"AND id IN (SELECT event_id FROM alert_evidence WHERE tenant = ? AND alert_id = ?)"
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT seq, id, found, "+eventSelect+" FROM ("+ids+") AS evidence ANY LEFT JOIN ("+
		events+") AS evidence_events USING id ORDER BY seq", a.Tenant, a.ID, a.Tenant, a.FirstSeen, a.LastSeen.Add(time.Second), a.Tenant, a.ID)
	if err != nil {
		return out, fmt.Errorf("evidence: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ev EvidenceEvent
		var found uint8
		e, err := scanEvent(prefixed{rows, []any{&ev.Seq, &ev.ID, &found}})
		if err != nil {
			return out, fmt.Errorf("evidence: scan: %w", err)
		}
		if ev.Found = found == 1; ev.Found {
			ev.Event = &e
		}
		out.Events = append(out.Events, ev)
	}
	if len(out.Events) > maxEvidenceRows {
		out.Events, out.Truncated = out.Events[:maxEvidenceRows], true
	}
	return out, rows.Err()
}

// prefixed scans a row whose first columns go to dst and the rest to the
// destinations Scan is given.
type prefixed struct {
	rows scanner
	dst  []any
}

// Scan reads the row into p's destinations, then into dest.
func (p prefixed) Scan(dest ...any) error { return p.rows.Scan(append(p.dst, dest...)...) }
