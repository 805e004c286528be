package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/pressly/goose/v3/database"
)

// versionTable records applied migrations.
const versionTable = "goose_db_version"

// gooseStore is goose's ClickHouse store with writes done as native batch
// inserts: "INSERT ... VALUES" through database/sql hangs on ClickHouse 18.16,
// and ALTER ... SETTINGS mutations_sync does not exist there.
type gooseStore struct {
	database.Store
	db *sql.DB
}

func newGooseStore(db *sql.DB) (*gooseStore, error) {
	base, err := database.NewStore(database.DialectClickHouse, versionTable)
	if err != nil {
		return nil, err
	}
	return &gooseStore{Store: base, db: db}, nil
}

func (g *gooseStore) Insert(ctx context.Context, _ database.DBTxConn, req database.InsertRequest) error {
	tx, err := g.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("goose version insert: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // no-op after Commit
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO "+versionTable+" (version_id, is_applied)")
	if err != nil {
		return fmt.Errorf("goose version insert: %w", err)
	}
	defer stmt.Close()
	if _, err := stmt.ExecContext(ctx, req.Version, uint8(1)); err != nil {
		return fmt.Errorf("goose version insert: %w", err)
	}
	return tx.Commit()
}

func (g *gooseStore) Delete(ctx context.Context, db database.DBTxConn, version int64) error {
	_, err := db.ExecContext(ctx, "ALTER TABLE "+versionTable+" DELETE WHERE version_id = ?", version)
	return err
}
