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

// serveCmd is `credwatch serve`: the console's API.
type serveCmd struct {
	Listen      string   `default:"127.0.0.1:9470" env:"CREDWATCH_CONSOLE_LISTEN" help:"Address the console listens on."`
	ClickHouse  string   `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN."`
	Brokers     []string `env:"CREDWATCH_BROKERS" help:"Kafka brokers: users' actions also go to the events topic (empty: the action log only)."`
	EventsTopic string   `default:"credwatch.events" env:"CREDWATCH_TOPIC" help:"Events topic."`
}

func (c *serveCmd) Run(g *Globals, ctx context.Context) error {
	log := g.Logger()
	st, err := store.Open(ctx, c.ClickHouse, log)
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
	srv := console.New(console.Config{Store: st, Users: access.NewStore(st, time.Now), Actions: actions, Now: time.Now, Log: log,
		ResponseEvents: responseEvents})
	ln, err := net.Listen("tcp", c.Listen)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	log.Info("console listening", "url", "http://"+ln.Addr().String()+"/api/v1/")
	return srv.Serve(ctx, ln)
}
