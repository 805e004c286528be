package console

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// IntentRecord is one response intent (a revocation or a notification)
// that answered the alert, with every transition it went through.
type IntentRecord struct {
	ID          string       `json:"id"`
	Tenant      string       `json:"tenant"` // the credential's tenant, where respond keeps it
	Action      string       `json:"action"`
	Credential  string       `json:"credential"`
	State       string       `json:"state"` // the newest transition's
	Decision    string       `json:"decision"`
	Reason      string       `json:"reason"`
	DryRun      bool         `json:"dry_run"`
	Created     time.Time    `json:"created"`
	Transitions []Transition `json:"transitions"`
}

// Transition is one recorded step of an intent (a response_intents row).
type Transition struct {
	Seq     uint32    `json:"seq"`
	State   string    `json:"state"`
	Attempt uint32    `json:"attempt"`
	Detail  string    `json:"detail"`
	By      string    `json:"by"`
	At      time.Time `json:"at"`
	AlertID string    `json:"alert_id,omitempty"` // the alert the transition was made for (on an alert's page)
}

// alertResponse reads every transition of the intents any transition of
// which names alertID, in the tenants in scope (respond keeps an intent
// under its credential's tenant, which may differ from the alert's: an
// intent of a tenant out of scope is not shown). The outbox is sorted by
// (tenant, intent_id, seq) and small: one row per transition.
func (s *Server) alertResponse(ctx context.Context, alertID string, scope []string) ([]IntentRecord, error) {
	scoped, args := inScope("tenant", scope)
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT tenant, intent_id, seq, state, action, decision, credential, alert_id, "+
		"reason, by, dry_run, attempt, detail, created, at FROM response_intents FINAL WHERE "+scoped+
		" AND (tenant, intent_id) IN (SELECT tenant, intent_id FROM response_intents WHERE alert_id = ?) "+
		"ORDER BY tenant, intent_id, seq LIMIT 1000", append(args, alertID)...)
	if err != nil {
		return nil, fmt.Errorf("alert response: %w", err)
	}
	defer rows.Close()
	out := []IntentRecord{}
	for rows.Next() {
		var in IntentRecord
		var t Transition
		var dry uint8
		if err := rows.Scan(&in.Tenant, &in.ID, &t.Seq, &t.State, &in.Action, &in.Decision, &in.Credential, &t.AlertID,
			&in.Reason, &t.By, &dry, &t.Attempt, &t.Detail, &in.Created, &t.At); err != nil {
			return nil, fmt.Errorf("alert response: scan: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].Tenant != in.Tenant || out[n-1].ID != in.ID {
			if n == maxIntents {
				break
			}
			out = append(out, in)
		}
		cur := &out[len(out)-1]
		cur.State, cur.Decision, cur.Reason = t.State, in.Decision, in.Reason
		cur.DryRun = cur.DryRun || dry == 1
		if in.Created.Before(cur.Created) {
			cur.Created = in.Created
		}
		cur.Transitions = append(cur.Transitions, t)
	}
	slices.SortStableFunc(out, func(a, b IntentRecord) int { return a.Created.Compare(b.Created) })
	return out, rows.Err()
}
