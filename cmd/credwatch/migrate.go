package main

import (
	"context"
	"fmt"

	"github.com/credwatch/credwatch/store"
)

type migrateCmd struct {
	ClickHouse    string      `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN."`
	Cluster       clusterFlag `embed:""`
	RetentionDays int         `default:"0" env:"CREDWATCH_RETENTION_DAYS" help:"Days of history to keep (0: forever; needs ClickHouse 19.6+ TTL)."`
}

func (c *migrateCmd) Run(g *Globals, ctx context.Context) error {
	log := g.Logger()
	dsn, err := c.Cluster.dsn(c.ClickHouse)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, dsn, log)
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx, store.MigrateOptions{RetentionDays: c.RetentionDays})
	if err != nil {
		return err
	}
	fmt.Printf("migrated database %s: %d migration(s) applied %v\n", st.Database(), len(applied), applied)
	return nil
}
