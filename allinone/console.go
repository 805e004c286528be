package allinone

import (
	"context"
	"fmt"
	"log/slog"
	"net"

	"github.com/credwatch/credwatch/console"
	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/respond/receiver"
	"github.com/credwatch/credwatch/store"
)

// consolePart serves the console (API and browser pages) on the run's
// ClickHouse, with an admin user for the run whose token and one-time
// login link it prints once.
type consolePart struct {
	opts  Options
	clock clock.Clock
	log   *slog.Logger
}

func (c consolePart) run(ctx context.Context) error {
	st, err := store.Open(ctx, c.opts.ClickHouseDSN, c.log)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	defer st.Close()
	users := access.NewStore(st, c.clock.Now)
	token, err := users.Add(ctx, "run-admin", access.Admin, nil)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	events := receiver.NewKafkaEmitter(c.opts.Brokers, c.opts.Topic)
	defer events.Close()
	actions, err := audit.NewLog(ctx, st, c.clock.Now, events)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	ln, err := net.Listen("tcp", c.opts.ConsoleAddr)
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	srv := console.New(console.Config{Store: st, Users: users, Actions: actions, Now: c.clock.Now, Log: c.log,
		PlainHTTP: console.OnLoopback(ln.Addr()), Lookup: users, ResponseEvents: events})
	link, err := srv.LoginLink(access.User{Name: "run-admin", Role: access.Admin})
	if err != nil {
		return fmt.Errorf("console: %w", err)
	}
	fmt.Printf("  %-11s http://%s%s  (browser: one-time login link, 15 min; API: http://%s/api/v1/alerts with "+
		"Authorization: Bearer %s — shown once; more users: credwatch users add)\n", "console", ln.Addr(), link, ln.Addr(), token)
	if err := srv.Serve(ctx, ln); err != nil {
		return fmt.Errorf("console: %w", err)
	}
	return nil
}
