package store

import (
	"context"
	"fmt"
	"strings"
)

// prepareCluster readies a cluster for migrations: the first time (no
// version table on this node yet) it creates the database on every node;
// afterwards it checks the version table is the replicated one and waits
// until this replica has every version another node applied. On one server
// it does nothing.
func (s *Store) prepareCluster(ctx context.Context) error {
	if s.cluster == "" {
		return nil
	}
	engine, err := s.versionTableEngine(ctx)
	if err != nil {
		return err
	}
	db := s.Database()
	switch {
	case engine == "":
		if err := s.conn.Exec(ctx, "CREATE DATABASE IF NOT EXISTS "+db+" ON CLUSTER "+s.cluster); err != nil {
			return fmt.Errorf("create database %s on cluster %s: %w", db, s.cluster, err)
		}
		return nil
	case !strings.HasPrefix(engine, "Replicated"):
		return fmt.Errorf("database %s was migrated without a cluster (%s is %s): cluster mode needs a new database", db, versionTable, engine)
	}
	if err := s.conn.Exec(ctx, "SYSTEM SYNC REPLICA "+db+"."+versionTable); err != nil {
		return fmt.Errorf("sync replica %s.%s: %w", db, versionTable, err)
	}
	return nil
}

// versionTableEngine is the engine of this node's version table, "" when
// there is none.
func (s *Store) versionTableEngine(ctx context.Context) (string, error) {
	rows, err := s.conn.Query(ctx, "SELECT engine FROM system.tables WHERE database = ? AND name = ?", s.Database(), versionTable)
	if err != nil {
		return "", fmt.Errorf("read %s engine: %w", versionTable, err)
	}
	defer rows.Close()
	var engine string
	for rows.Next() {
		if err := rows.Scan(&engine); err != nil {
			return "", fmt.Errorf("read %s engine: %w", versionTable, err)
		}
	}
	return engine, rows.Err()
}
