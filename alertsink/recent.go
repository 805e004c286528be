package alertsink

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/credwatch/credwatch/detect"
)

// Querier runs a query with bound arguments (store.Store.Conn()).
type Querier interface {
	Query(ctx context.Context, query string, args ...any) (driver.Rows, error)
}

// MaxRecent is the most alerts one Recent call returns.
const MaxRecent = 1000

// Stored is an alert as stored: its newest revision and how it got there.
// Alert.EventIDs is empty (read them with Evidence) and Alert.Suppression,
// when set, has only its ID, Owner and Reason.
type Stored struct {
	detect.Alert
	Kind          string    // the update kind that wrote this revision
	Publish       bool      // whether that update went to response
	EvidenceCount int       // evidence ids stored (at most detect.MaxEvidence)
	UpdatedAt     time.Time // when the sink wrote this revision
}

// recentQuery reads a tenant's newest revisions, last seen first.
const recentQuery = `SELECT id, revision, kind, publish, rule, title, severity, tier,
	shadow, suppressed, suppression_id, suppression_owner, suppression_reason,
	tenant, credential, actor, first_seen, last_seen, count, evidence_count,
	explanation, updated_at
FROM alerts FINAL WHERE tenant = ? ORDER BY last_seen DESC, id LIMIT ?`

// Recent returns up to limit (1..MaxRecent) of tenant's alerts, newest
// revision each, most recently seen first.
func Recent(ctx context.Context, q Querier, tenant string, limit int) ([]Stored, error) {
	if tenant == "" {
		return nil, fmt.Errorf("recent alerts: tenant is required")
	}
	if limit < 1 || limit > MaxRecent {
		return nil, fmt.Errorf("recent alerts: limit %d out of range 1..%d", limit, MaxRecent)
	}
	rows, err := q.Query(ctx, recentQuery, tenant, limit)
	if err != nil {
		return nil, fmt.Errorf("recent alerts for %s: %w", tenant, err)
	}
	defer rows.Close()
	var out []Stored
	for rows.Next() {
		s, err := scanStored(rows)
		if err != nil {
			return nil, fmt.Errorf("recent alerts for %s: %w", tenant, err)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func scanStored(rows driver.Rows) (Stored, error) {
	var s Stored
	a := &s.Alert
	var revision, count, evidence uint32
	var publish, shadow, suppressed uint8
	var sup detect.Suppression
	var explanation string
	if err := rows.Scan(&a.ID, &revision, &s.Kind, &publish, &a.Rule, &a.Title, &a.Severity, &a.Tier,
		&shadow, &suppressed, &sup.ID, &sup.Owner, &sup.Reason,
		&a.Tenant, &a.Credential, &a.Actor, &a.FirstSeen, &a.LastSeen, &count, &evidence,
		&explanation, &s.UpdatedAt); err != nil {
		return s, err
	}
	if err := json.Unmarshal([]byte(explanation), &a.Explanation); err != nil {
		return s, fmt.Errorf("alert %s: explanation: %w", a.ID, err)
	}
	a.Revision, a.Count, s.EvidenceCount = int(revision), int(count), int(evidence)
	s.Publish, a.Shadow, a.Suppressed = publish == 1, shadow == 1, suppressed == 1
	if sup.ID != "" {
		a.Suppression = &sup
	}
	return s, nil
}

// Evidence returns the evidence event ids stored for one of tenant's
// alerts, oldest first.
func Evidence(ctx context.Context, q Querier, tenant, alertID string) ([]string, error) {
	if tenant == "" || alertID == "" {
		return nil, fmt.Errorf("alert evidence: tenant and alert id are required")
	}
	rows, err := q.Query(ctx, `SELECT event_id FROM alert_evidence FINAL
		WHERE tenant = ? AND alert_id = ? ORDER BY seq, event_id`, tenant, alertID)
	if err != nil {
		return nil, fmt.Errorf("alert evidence for %s: %w", alertID, err)
	}
	defer rows.Close()
	ids := []string{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("alert evidence for %s: %w", alertID, err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
