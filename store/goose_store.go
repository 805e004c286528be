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
	db  *sql.DB
	ddl ddl
}

func newGooseStore(db *sql.DB, d ddl) (*gooseStore, error) {
	base, err := database.NewStore(database.DialectClickHouse, versionTable)
	if err != nil {
		return nil, err
	}
	return &gooseStore{Store: base, db: db, ddl: d}, nil
}

// CreateVersionTable creates goose's table; in cluster mode one replicated
// table ON CLUSTER whose every node is a replica of the same ZooKeeper path,
// so each node sees every applied version and migrations run once, from any
// node.
func (g *gooseStore) CreateVersionTable(ctx context.Context, db database.DBTxConn) error {
	if g.ddl.cluster == "" {
		return g.Store.CreateVersionTable(ctx, db)
	}
	_, err := db.ExecContext(ctx, clusterVersionTableDDL(g.ddl))
	if err != nil {
		return fmt.Errorf("create %s on cluster %s: %w", versionTable, g.ddl.cluster, err)
	}
	return nil
}

// clusterVersionTableDDL is goose's ClickHouse version table, replicated to
// every node of the cluster (replica names {shard}-{replica} are unique
// across shards).
func clusterVersionTableDDL(d ddl) string {
	return fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s.%s ON CLUSTER %s (version_id Int64, is_applied UInt8, "+
		"date Date DEFAULT now(), tstamp DateTime DEFAULT now()) "+
		"ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/%s.%s', '{shard}-{replica}') ORDER BY (version_id)",
		d.db, versionTable, d.cluster, d.db, versionTable)
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
