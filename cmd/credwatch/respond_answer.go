package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"time"

	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/store"
)

// outboxFlags reach the outbox from a one-shot command.
type outboxFlags struct {
	ClickHouse string      `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN (the outbox)."`
	Cluster    clusterFlag `embed:""`
	Tenant     string      `help:"Only this tenant's intents."`
	As         string      `env:"CREDWATCH_ANALYST" help:"Who answers (default: the OS user)."`
}

func (f outboxFlags) open(ctx context.Context, g *Globals) (*store.Store, respond.Approvals, error) {
	dsn, err := f.Cluster.dsn(f.ClickHouse)
	if err != nil {
		return nil, respond.Approvals{}, err
	}
	st, err := store.Open(ctx, dsn, g.Logger())
	if err != nil {
		return nil, respond.Approvals{}, err
	}
	return st, respond.Approvals{Outbox: respond.NewOutbox(st), Log: g.Logger(), Now: time.Now}, nil
}

func (f outboxFlags) who() string {
	if f.As != "" {
		return f.As
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}

type respondPendingCmd struct{ outboxFlags }

func (c *respondPendingCmd) Run(g *Globals, ctx context.Context) error {
	st, ap, err := c.open(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	ins, err := ap.Pending(ctx, c.Tenant)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	for _, in := range ins {
		if err := enc.Encode(in); err != nil {
			return err
		}
	}
	return nil
}

type respondAnswerCmd struct {
	ID string `arg:"" help:"Intent id (from respond pending)."`
	outboxFlags
}

func (c *respondAnswerCmd) Run(g *Globals, ctx context.Context) error {
	st, ap, err := c.open(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := ap.Approve(ctx, c.Tenant, c.ID, c.who())
	if err == nil {
		fmt.Printf("%s approved by %s\n", in.ID, in.By)
	}
	return err
}

type respondRejectCmd struct {
	ID     string `arg:"" help:"Intent id (from respond pending)."`
	Reason string `required:"" help:"Why the revocation is rejected."`
	outboxFlags
}

func (c *respondRejectCmd) Run(g *Globals, ctx context.Context) error {
	st, ap, err := c.open(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	in, err := ap.Reject(ctx, c.Tenant, c.ID, c.who(), c.Reason)
	if err == nil {
		fmt.Printf("%s rejected by %s\n", in.ID, in.By)
	}
	return err
}

type respondKillCmd struct {
	State  string `arg:"" enum:"on,off" help:"on: hold every automatic revocation; off: release."`
	Reason string `help:"Why."`
	outboxFlags
}

func (c *respondKillCmd) Run(g *Globals, ctx context.Context) error {
	dsn, err := c.Cluster.dsn(c.ClickHouse)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, dsn, g.Logger())
	if err != nil {
		return err
	}
	defer st.Close()
	if err := respond.NewControls(st, time.Now).SetKillSwitch(ctx, c.State == "on", c.who(), c.Reason); err != nil {
		return err
	}
	fmt.Printf("kill switch %s (respond picks it up within a second)\n", c.State)
	return nil
}

func policyDir(dir string) fs.FS {
	if dir == "" {
		return nil
	}
	return os.DirFS(dir)
}
