package console

import (
	"context"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/store"
)

// States of a bulk approval request.
const (
	bulkPending   = "pending"
	bulkConfirmed = "confirmed"
)

// bulkRequestLife is how long a bulk approval request waits for its
// confirmation.
const bulkRequestLife = 24 * time.Hour

// bulkRequest is a bulk approval waiting for (or given) a second person's
// confirmation (response_bulk_requests' newest version).
type bulkRequest struct {
	ID          string      `json:"id"`
	State       string      `json:"state"`
	RequestedBy string      `json:"requested_by"`
	Reason      string      `json:"reason"`
	Intents     []intentRef `json:"intents"`
	ConfirmedBy string      `json:"confirmed_by"`
	Created     time.Time   `json:"created"`
	At          time.Time   `json:"at"`
	version     uint32
}

// intentRef names one intent.
type intentRef struct {
	Tenant string `json:"tenant"`
	ID     string `json:"id"`
}

var bulkColumns = []string{"id", "version", "state", "requested_by", "reason", "intent_tenants", "intent_ids",
	"confirmed_by", "created", "at"}

// writeBulkRequest appends b as its next version.
func (s *Server) writeBulkRequest(ctx context.Context, b bulkRequest) error {
	tenants, ids := make([]string, len(b.Intents)), make([]string, len(b.Intents))
	for i, in := range b.Intents {
		tenants[i], ids[i] = in.Tenant, in.ID
	}
	rows := store.Rows{Table: "response_bulk_requests", Columns: bulkColumns, Values: [][]any{{b.ID, b.version, b.State,
		b.RequestedBy, b.Reason, tenants, ids, b.ConfirmedBy, b.Created.UTC(), b.At.UTC()}}}
	if err := s.cfg.Store.InsertRows(ctx, rows); err != nil {
		return fmt.Errorf("bulk request %s: %w", b.ID, err)
	}
	return nil
}

// bulkRequestByID is request id as it stands, or false.
func (s *Server) bulkRequestByID(ctx context.Context, id string) (bulkRequest, bool, error) {
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT id, version, state, requested_by, reason, intent_tenants, intent_ids, "+
		"confirmed_by, created, at FROM response_bulk_requests FINAL WHERE id = ?", id)
	if err != nil {
		return bulkRequest{}, false, fmt.Errorf("bulk request: %w", err)
	}
	defer rows.Close()
	if !rows.Next() {
		return bulkRequest{}, false, rows.Err()
	}
	b, err := scanBulkRequest(rows)
	if err != nil {
		return b, false, fmt.Errorf("bulk request: scan: %w", err)
	}
	return b, true, nil
}

// scanBulkRequest reads one row of bulkColumns.
func scanBulkRequest(rows scanner) (bulkRequest, error) {
	var b bulkRequest
	var tenants, ids []string
	if err := rows.Scan(&b.ID, &b.version, &b.State, &b.RequestedBy, &b.Reason, &tenants, &ids, &b.ConfirmedBy,
		&b.Created, &b.At); err != nil {
		return b, err
	}
	for i := range min(len(tenants), len(ids)) {
		b.Intents = append(b.Intents, intentRef{Tenant: tenants[i], ID: ids[i]})
	}
	return b, nil
}
