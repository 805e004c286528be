package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/store"
)

// usersCmd is `credwatch users`: the console's users and their API tokens.
type usersCmd struct {
	Add     usersAddCmd     `cmd:"" help:"Create (or replace) a user; prints its API token once."`
	List    usersListCmd    `cmd:"" help:"List the users who may sign in: name, role, tenants."`
	Disable usersDisableCmd `cmd:"" help:"Disable a user: its token stops working."`
}

// usersFlags reach console_users.
type usersFlags struct {
	ClickHouse string      `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN."`
	Cluster    clusterFlag `embed:""`
}

// open connects, migrates and returns the user store.
func (f usersFlags) open(ctx context.Context, g *Globals) (*store.Store, *access.Store, error) {
	log := g.Logger()
	slog.SetDefault(log) // access logs through the default logger
	dsn, err := f.Cluster.dsn(f.ClickHouse)
	if err != nil {
		return nil, nil, err
	}
	st, err := store.Open(ctx, dsn, log)
	if err != nil {
		return nil, nil, err
	}
	if _, err := st.Migrate(ctx, store.MigrateOptions{}); err != nil {
		st.Close()
		return nil, nil, err
	}
	return st, access.NewStore(st, time.Now), nil
}

type usersAddCmd struct {
	Name   string   `arg:"" help:"User name (1-64 characters of A-Z a-z 0-9 . _ @ -)."`
	Role   string   `required:"" enum:"viewer,analyst,investigator,admin" help:"Role: viewer, analyst, investigator or admin."`
	Tenant []string `help:"Tenants the user sees (repeat; none: every tenant; not for admins)."`
	usersFlags
}

func (c *usersAddCmd) Run(g *Globals, ctx context.Context) error {
	role, err := access.ParseRole(c.Role)
	if err != nil {
		return err
	}
	st, users, err := c.open(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	token, err := users.Add(ctx, c.Name, role, c.Tenant)
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "user %s (%s) created; its API token below is shown only this once\n", c.Name, role)
	fmt.Println(token)
	return nil
}

type usersListCmd struct{ usersFlags }

func (c *usersListCmd) Run(g *Globals, ctx context.Context) error {
	st, users, err := c.open(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := users.List(ctx)
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tROLE\tTENANTS")
	for _, u := range list {
		tenants := "*"
		if len(u.Tenants) > 0 {
			tenants = strings.Join(u.Tenants, ",")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", u.Name, u.Role, tenants)
	}
	return w.Flush()
}

type usersDisableCmd struct {
	Name string `arg:"" help:"User to disable."`
	usersFlags
}

func (c *usersDisableCmd) Run(g *Globals, ctx context.Context) error {
	st, users, err := c.open(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := users.Disable(ctx, c.Name); err != nil {
		return err
	}
	fmt.Printf("user %s disabled (consoles stop accepting its token within a minute)\n", c.Name)
	return nil
}
