// Package suppressions keeps the suppressions analysts manage in the
// console, in ClickHouse's suppressions table (migration 00008): each is a
// detect.Suppression with who made it and when. Ending one early appends a
// newer version of its row; live detection polls the ones not ended
// (Store.Active) and swaps them into its engines.
package suppressions

import (
	"context"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/store"
)

// DB is the ClickHouse access the store needs (a *store.Store).
type DB interface {
	InsertRows(ctx context.Context, r store.Rows) error
	Conn() driver.Conn
}

// Store reads and writes the suppressions table.
type Store struct{ db DB }

// NewStore keeps suppressions in db (migrated).
func NewStore(db DB) *Store { return &Store{db: db} }

// Record is one suppression as it stands.
type Record struct {
	detect.Suppression
	CreatedBy string    `json:"created_by"`
	Created   time.Time `json:"created"`
	Ended     bool      `json:"ended"`
	EndedBy   string    `json:"ended_by"`
	At        time.Time `json:"at"` // of the newest version: the creation, or the end
	Version   uint32    `json:"-"`
}

var columns = []string{"id", "version", "rule", "credential", "actor", "tenant", "asn", "owner", "reason", "expires",
	"created_by", "created", "ended", "ended_by", "at"}

const selectColumns = "id, version, rule, credential, actor, tenant, asn, owner, reason, expires, " +
	"created_by, created, ended, ended_by, at"

// Add stores rec as a new suppression (version 1).
func (s *Store) Add(ctx context.Context, rec Record) error {
	rec.Version, rec.At, rec.Ended, rec.EndedBy = 1, rec.Created, false, ""
	return s.insert(ctx, rec)
}

// End ends rec early: a newer version, ended by by at at.
func (s *Store) End(ctx context.Context, rec Record, by string, at time.Time) error {
	rec.Version, rec.Ended, rec.EndedBy, rec.At = rec.Version+1, true, by, at
	return s.insert(ctx, rec)
}

func (s *Store) insert(ctx context.Context, r Record) error {
	rows := store.Rows{Table: "suppressions", Columns: columns, Values: [][]any{{r.ID, r.Version, r.Rule, r.Credential,
		r.Actor, r.Tenant, r.ASN, r.Owner, r.Reason, r.Expires.UTC(), r.CreatedBy, r.Created.UTC(),
		store.BoolUInt8(r.Ended), r.EndedBy, r.At.UTC()}}}
	if err := s.db.InsertRows(ctx, rows); err != nil {
		return fmt.Errorf("suppressions: write %s: %w", r.ID, err)
	}
	return nil
}

// Get returns suppression id as it stands, or false when there is none.
func (s *Store) Get(ctx context.Context, id string) (Record, bool, error) {
	recs, err := s.query(ctx, "SELECT "+selectColumns+" FROM suppressions FINAL WHERE id = ?", id)
	if err != nil || len(recs) == 0 {
		return Record{}, false, err
	}
	return recs[0], true, nil
}

func (s *Store) query(ctx context.Context, q string, args ...any) ([]Record, error) {
	rows, err := s.db.Conn().Query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("suppressions: %w", err)
	}
	defer rows.Close()
	out := []Record{}
	for rows.Next() {
		var r Record
		var ended uint8
		if err := rows.Scan(&r.ID, &r.Version, &r.Rule, &r.Credential, &r.Actor, &r.Tenant, &r.ASN, &r.Owner,
			&r.Reason, &r.Expires, &r.CreatedBy, &r.Created, &ended, &r.EndedBy, &r.At); err != nil {
			return nil, fmt.Errorf("suppressions: scan: %w", err)
		}
		r.Ended = ended == 1
		out = append(out, r)
	}
	return out, rows.Err()
}
