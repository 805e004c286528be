package consolebench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"time"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/console"
	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/console/audit"
	"github.com/credwatch/credwatch/store"
)

// Config says what to measure.
type Config struct {
	Dir      string // scratch directory for ClickHouse
	Shape    Shape
	Requests int           // per query
	Goal     time.Duration // the p99 goal printed
}

// Run fills a fresh ClickHouse with cfg.Shape, serves the console over it
// and prints each query's p50/p99 to out.
func Run(ctx context.Context, cfg Config, out io.Writer, log *slog.Logger) error {
	ch, err := chserver.Start(ctx, chserver.Config{Dir: filepath.Join(cfg.Dir, "clickhouse-console")})
	if err != nil {
		return err
	}
	defer ch.Stop()
	st, err := store.Open(ctx, ch.DSN("console_bench"), log)
	if err != nil {
		return err
	}
	defer st.Close()
	if _, err := st.Migrate(ctx, store.MigrateOptions{}); err != nil {
		return err
	}
	fmt.Fprintf(out, "filling ClickHouse with %d events and %d alerts...\n", cfg.Shape.Events, cfg.Shape.Alerts)
	started := time.Now()
	if err := Fill(ctx, st, cfg.Shape, out); err != nil {
		return err
	}
	fmt.Fprintf(out, "  filled in %s\n", time.Since(started).Round(time.Second))
	base, tokens, err := serve(ctx, st, cfg.Shape.End, log)
	if err != nil {
		return err
	}
	var rows []latency
	for _, q := range queries(cfg.Shape, tokens) {
		l, err := measure(ctx, base, q.token, q.query, cfg.Requests)
		if err != nil {
			return err
		}
		rows = append(rows, l)
	}
	printTable(out, cfg.Shape, rows, cfg.Goal)
	return nil
}

// serve starts the console over st on a loopback port with the clock at
// end, and returns its URL and the bearer tokens of an unscoped admin and
// an investigator scoped to the hot tenant.
func serve(ctx context.Context, st *store.Store, end time.Time, log *slog.Logger) (string, map[string]string, error) {
	now := func() time.Time { return end }
	users := access.NewStore(st, now)
	tokens := map[string]string{}
	for name, scope := range map[string][]string{"admin": nil, "scoped": {hotTenant}} {
		role := access.Admin
		if scope != nil {
			role = access.Investigator
		}
		tok, err := users.Add(ctx, "bench-"+name, role, scope)
		if err != nil {
			return "", nil, err
		}
		tokens[name] = tok
	}
	actions, err := audit.NewLog(ctx, st, now, nil)
	if err != nil {
		return "", nil, err
	}
	srv := console.New(console.Config{Store: st, Users: users, Actions: actions, Now: now, Log: log})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	go func() { _ = srv.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), tokens, nil
}

// timed is a query run with one user's token.
type timed struct {
	query
	token string
}

// queries are what the table measures: the alert queue as a SOC analyst
// opens and filters it, and credential timelines as investigators read them.
func queries(s Shape, tokens map[string]string) []timed {
	rfc := func(t time.Time) string { return url.QueryEscape(t.UTC().Format(time.RFC3339)) }
	month := "&from=" + rfc(s.End.AddDate(0, 0, -s.Days)) + "&to=" + rfc(s.End.Add(time.Second))
	fixed := func(p string) func(int) string { return func(int) string { return p } }
	return []timed{
		{query{"alerts queue: last 7 days, newest 100", fixed("/api/v1/alerts")}, tokens["admin"]},
		{query{"alerts queue: one tenant, high, 30 days", func(i int) string {
			return fmt.Sprintf("/api/v1/alerts?tenant=tenant-%d&severity=high%s", []int{2, 6, 14, 18}[i%4], month) // of 20 tenants, some with high alerts
		}}, tokens["admin"]},
		{query{"alerts queue: tenant-scoped investigator, 30 days", fixed("/api/v1/alerts?sort=severity" + month)}, tokens["scoped"]},
		{query{"timeline: hot credential, last 7 days, first page", fixed("/api/v1/credentials/" + hotCredential + "/timeline")}, tokens["admin"]},
		{query{"timeline: hot credential, 30 days, first page", fixed("/api/v1/credentials/" + hotCredential + "/timeline?limit=500" + month)}, tokens["scoped"]},
		{query{"timeline: a typical credential, 30 days", func(i int) string {
			return fmt.Sprintf("/api/v1/credentials/tok-%d/timeline?limit=500%s", i*7919%s.Credentials, month)
		}}, tokens["admin"]},
	}
}
