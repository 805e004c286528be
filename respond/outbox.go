package respond

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/credwatch/credwatch/store"
)

// Store is the ClickHouse access the outbox needs (a *store.Store).
type Store interface {
	InsertRows(ctx context.Context, r store.Rows) error
	Conn() driver.Conn
}

// Outbox is the durable record of intents: one ClickHouse row per
// transition, never updated in place.
type Outbox struct{ st Store }

// NewOutbox keeps intents in st (migrated: see store/migrations/00006).
func NewOutbox(st Store) *Outbox { return &Outbox{st: st} }

var intentColumns = []string{"tenant", "intent_id", "seq", "state", "action", "decision", "credential",
	"alert_id", "alert_tenant", "rule", "severity", "reason", "by", "dry_run", "attempt", "detail", "payload", "created", "at"}

// Record makes transitions durable, in one insert.
func (o *Outbox) Record(ctx context.Context, ins ...Intent) error {
	rows := store.Rows{Table: "response_intents", Columns: intentColumns}
	for _, in := range ins {
		rows.Values = append(rows.Values, []any{in.Tenant, in.ID, in.Seq, in.State, in.Action, in.Decision,
			in.Credential, in.AlertID, in.AlertTenant, in.Rule, in.Severity, in.Reason, in.By, store.BoolUInt8(in.DryRun),
			in.Attempt, in.Detail, string(in.Payload), in.Created.UTC(), in.At.UTC()})
	}
	if err := o.st.InsertRows(ctx, rows); err != nil {
		return fmt.Errorf("outbox: record %d transition(s): %w", len(ins), err)
	}
	return nil
}

// Filter selects intents by their current state. Empty fields match all.
type Filter struct {
	Tenant string
	ID     string
	States []string
	Limit  int // default 1000
}

// List returns intents as they stand now, newest first.
func (o *Outbox) List(ctx context.Context, f Filter) ([]Intent, error) {
	q, args := f.query()
	rows, err := o.st.Conn().Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("outbox: list: %w", err)
	}
	defer rows.Close()
	var out []Intent
	for rows.Next() {
		var in Intent
		var dry uint8
		var payload string
		if err := rows.Scan(&in.Tenant, &in.ID, &in.Seq, &in.State, &in.Action, &in.Decision, &in.Credential,
			&in.AlertID, &in.AlertTenant, &in.Rule, &in.Severity, &in.Reason, &in.By, &dry, &in.Attempt, &in.Detail,
			&payload, &in.Created, &in.At); err != nil {
			return nil, fmt.Errorf("outbox: scan: %w", err)
		}
		in.DryRun, in.Payload = dry == 1, []byte(payload)
		out = append(out, in)
	}
	return out, rows.Err()
}

// Get returns one intent as it stands, or false when there is none.
func (o *Outbox) Get(ctx context.Context, tenant, id string) (Intent, bool, error) {
	ins, err := o.List(ctx, Filter{Tenant: tenant, ID: id, Limit: 1})
	if err != nil || len(ins) == 0 {
		return Intent{}, false, err
	}
	return ins[0], true, nil
}

// Exists reports whether intent id of tenant has any transition: a
// primary-key point read, cheaper than Get's grouping on the path of every
// new alert.
func (o *Outbox) Exists(ctx context.Context, tenant, id string) (bool, error) {
	var n uint64
	row := o.st.Conn().QueryRow(ctx, "SELECT count() FROM response_intents WHERE tenant = ? AND intent_id = ?", tenant, id)
	if err := row.Scan(&n); err != nil {
		return false, fmt.Errorf("outbox: exists: %w", err)
	}
	return n > 0, nil
}

// IDsSince returns the ids of intents with a transition at or after since,
// at most limit of them.
func (o *Outbox) IDsSince(ctx context.Context, since time.Time, limit int) ([]string, error) {
	rows, err := o.st.Conn().Query(ctx, "SELECT DISTINCT intent_id FROM response_intents WHERE at >= ? LIMIT ?",
		since.UTC(), uint64(limit))
	if err != nil {
		return nil, fmt.Errorf("outbox: ids: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("outbox: ids: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// query is f as SQL over the current-state view, every value bound.
func (f Filter) query() (string, []any) {
	var where []string
	var args []any
	if f.Tenant != "" {
		where, args = append(where, "tenant = ?"), append(args, f.Tenant)
	}
	if f.ID != "" {
		where, args = append(where, "intent_id = ?"), append(args, f.ID)
	}
	// Filter the transitions before grouping them (18.16 does not push a
	// WHERE into the response_intents_current view): one intent's lookup
	// reads its own rows, not the whole outbox.
	q := "SELECT * FROM (" + currentIntents
	if len(where) > 0 {
		q = strings.Replace(q, " GROUP BY", " WHERE "+strings.Join(where, " AND ")+" GROUP BY", 1)
	}
	q += ")"
	if len(f.States) > 0 {
		q, args = q+" WHERE has(?, state)", append(args, f.States)
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 1000
	}
	return q + fmt.Sprintf(" ORDER BY at DESC, intent_id LIMIT %d", limit), args
}

// currentIntents is each intent's newest transition, columns in
// intentColumns order (the response_intents_current view's query).
const currentIntents = `SELECT tenant, intent_id, max(seq) AS seq_now,
	argMax(state, seq) AS state, any(action) AS action, argMax(decision, seq) AS decision,
	any(credential) AS credential, argMax(alert_id, seq) AS alert_id,
	argMax(alert_tenant, seq) AS alert_tenant, argMax(rule, seq) AS rule,
	argMax(severity, seq) AS severity, argMax(reason, seq) AS reason, argMax(by, seq) AS by,
	max(dry_run) AS dry_run, argMax(attempt, seq) AS attempt, argMax(detail, seq) AS detail,
	argMax(payload, seq) AS payload, min(created) AS created, argMax(at, seq) AS at
	FROM response_intents GROUP BY tenant, intent_id`
