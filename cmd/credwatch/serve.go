package main

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/credwatch/credwatch/console"
	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/respond/receiver"
	"github.com/credwatch/credwatch/store"
)

// serveCmd is `credwatch serve`: the console's API and browser pages.
type serveCmd struct {
	Listen      string      `default:"127.0.0.1:9470" env:"CREDWATCH_CONSOLE_LISTEN" help:"Address the console listens on."`
	ClickHouse  string      `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN."`
	Cluster     clusterFlag `embed:""`
	Brokers     []string    `env:"CREDWATCH_BROKERS" help:"Kafka brokers: users' actions also go to the events topic (empty: the action log only)."`
	EventsTopic string      `default:"credwatch.events" env:"CREDWATCH_TOPIC" help:"Events topic."`
	LoginLink   string      `name:"login-link" placeholder:"USER" help:"Print a one-time browser login link (15 min) for this console user."`
}

func (c *serveCmd) Run(g *Globals, ctx context.Context) error {
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
	if _, err := st.Migrate(ctx, store.MigrateOptions{}); err != nil {
		return err
	}
	var events audit.Emitter
	var responseEvents respond.Emitter // approvals' response.* events
	if len(c.Brokers) > 0 {
		k := receiver.NewKafkaEmitter(c.Brokers, c.EventsTopic)
		defer k.Close()
		events, responseEvents = k, k
	}
	actions, err := audit.NewLog(ctx, st, time.Now, events)
	if err != nil {
		return err
	}
	users := access.NewStore(st, time.Now)
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	srv := console.New(console.Config{Store: st, Users: users, Actions: actions, Now: time.Now, Log: log,
		PlainHTTP: console.OnLoopback(ln.Addr()), Lookup: users, ResponseEvents: responseEvents})
	if c.LoginLink != "" {
		if err := printLoginLink(ctx, srv, users, c.LoginLink, ln.Addr()); err != nil {
			ln.Close()
			return err
		}
	}
	log.Info("console listening", "url", "http://"+ln.Addr().String()+"/", "api", "http://"+ln.Addr().String()+"/api/v1/")
	return srv.Serve(ctx, ln)
}

// printLoginLink prints a one-time login link for user name.
func printLoginLink(ctx context.Context, srv *console.Server, users *access.Store, name string, addr net.Addr) error {
	u, err := users.User(ctx, name)
	if err != nil {
		return fmt.Errorf("login link for %q: %w", name, err)
	}
	link, err := srv.LoginLink(u)
	if err != nil {
		return fmt.Errorf("login link for %q: %w", name, err)
	}
	fmt.Printf("console login link for %s (one use, 15 min): http://%s%s\n", name, addr, link)
	return nil
}
