package console

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Response is a revocation (or notification) intent as the console lists
// it: where it stands and every transition and delivery attempt.
type Response struct {
	Tenant      string       `json:"tenant"`
	ID          string       `json:"id"`
	Action      string       `json:"action"`
	State       string       `json:"state"`
	Decision    string       `json:"decision"`
	Credential  string       `json:"credential"`
	AlertID     string       `json:"alert_id"`
	AlertTenant string       `json:"alert_tenant"` // the alert's tenant: Tenant is the credential's
	Rule        string       `json:"rule"`
	Severity    string       `json:"severity"`
	Reason      string       `json:"reason"`
	By          string       `json:"by"`
	DryRun      bool         `json:"dry_run"`
	Created     time.Time    `json:"created"`
	At          time.Time    `json:"at"`
	Transitions []Transition `json:"transitions"`
}

// maxTransitions bounds the transitions listed per intent (the first ones).
const maxTransitions = 100

// query is f as SQL over response_intents, grouped into each intent's
// current state, every value bound, limited to the tenants in scope. (An
// alias is global in ClickHouse: none may shadow a column the inner WHERE
// reads, hence first_created.)
func (f responseFilter) query(scope []string) (string, []any) {
	inner, args := []string{"1"}, []any{}
	if !f.From.IsZero() {
		inner, args = append(inner, "created >= ?", "created < ?"), append(args, f.From, f.To)
	}
	for _, c := range []struct {
		cond string
		val  any
		on   bool
	}{{"has(?, tenant)", scope, scope != nil}, {"tenant = ?", f.Tenant, f.Tenant != ""}, {"intent_id = ?", f.ID, f.ID != ""}} {
		if c.on {
			inner, args = append(inner, c.cond), append(args, c.val)
		}
	}
	outer := []string{"1"}
	if len(f.States) > 0 {
		outer, args = append(outer, "has(?, state)"), append(args, f.States)
	}
	if f.Alert != "" {
		outer, args = append(outer, "alert_id = ?"), append(args, f.Alert)
	}
	return `SELECT tenant, intent_id, state, action, decision, credential, alert_id, alert_tenant, rule, severity, reason, by, dry_run,
		first_created, at
	FROM (SELECT tenant, intent_id, argMax(state, seq) AS state, any(action) AS action, argMax(decision, seq) AS decision,
		any(credential) AS credential, argMax(alert_id, seq) AS alert_id,
		argMax(alert_tenant, seq) AS alert_tenant, argMax(rule, seq) AS rule,
		argMax(severity, seq) AS severity, argMax(reason, seq) AS reason, argMax(by, seq) AS by,
		max(dry_run) AS dry_run, min(created) AS first_created, argMax(at, seq) AS at
		FROM response_intents WHERE ` + strings.Join(inner, " AND ") + ` GROUP BY tenant, intent_id)
	WHERE ` + strings.Join(outer, " AND ") + " ORDER BY at DESC, tenant, intent_id LIMIT " + strconv.Itoa(f.Limit), args
}

// responses runs f's query and adds each intent's transitions.
func (s *Server) responses(ctx context.Context, f responseFilter, scope []string) ([]Response, error) {
	q, args := f.query(scope)
	rows, err := s.cfg.Store.Conn().Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("responses: %w", err)
	}
	defer rows.Close()
	out := []Response{}
	for rows.Next() {
		var r Response
		var dry uint8
		if err := rows.Scan(&r.Tenant, &r.ID, &r.State, &r.Action, &r.Decision, &r.Credential, &r.AlertID, &r.AlertTenant, &r.Rule,
			&r.Severity, &r.Reason, &r.By, &dry, &r.Created, &r.At); err != nil {
			return nil, fmt.Errorf("responses: scan: %w", err)
		}
		r.DryRun, r.Transitions = dry == 1, []Transition{}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.addTransitions(ctx, out)
}
