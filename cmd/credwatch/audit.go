package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/store"
)

// auditCmd works on the console's hash-chained action log.
type auditCmd struct {
	Verify auditVerifyCmd `cmd:"" help:"Check the console action log's hash chain: ok, or the first broken seq."`
}

// auditVerifyCmd walks the chain and says whether it holds.
type auditVerifyCmd struct {
	ClickHouse string      `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN."`
	Cluster    clusterFlag `embed:""`
}

// errChainBroken makes the command exit non-zero once it has said where.
var errChainBroken = errors.New("the console action log's hash chain is broken")

func (c *auditVerifyCmd) Run(g *Globals, ctx context.Context) error {
	dsn, err := c.Cluster.dsn(c.ClickHouse)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, dsn, g.Logger())
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx, store.MigrateOptions{}); err != nil {
		return err
	}
	n, err := audit.Verify(ctx, st)
	var broken *audit.BrokenError
	switch {
	case errors.As(err, &broken):
		fmt.Printf("broken at seq %d: %s\n", broken.Seq, broken.Reason)
		return errChainBroken
	case err != nil:
		return err
	}
	fmt.Printf("ok: %d entries\n", n)
	return nil
}
