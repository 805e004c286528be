package consolebench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
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
	Pause    func()        // between queries, so the query log tells them apart (default: to the next second)
}

// Run fills a fresh ClickHouse with cfg.Shape, serves the console over it
// and prints each query's p50/p99 to out.
func Run(ctx context.Context, cfg Config, out io.Writer, log *slog.Logger) error {
	ch, err := chserver.Start(ctx, chserver.Config{Dir: filepath.Join(cfg.Dir, "clickhouse-console")})
	if err != nil {
		return err
	}
	defer ch.Stop()
	st, err := store.Open(ctx, ch.DSN("console_bench")+"&log_queries=1", log) // the query log gives bytes read
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
	settled := time.Now()
	if err := settleMerges(ctx, st, 5*time.Minute); err != nil {
		return err
	}
	fmt.Fprintf(out, "  merges settled in %s\n", time.Since(settled).Round(time.Second))
	base, tokens, err := serve(ctx, st, cfg.Shape.End, log)
	if err != nil {
		return err
	}
	pause := cfg.Pause
	if pause == nil {
		pause = separate
	}
	var rows []latency
	var windows []window
	for _, q := range queries(cfg.Shape, tokens) {
		pause()
		w := window{from: time.Now()}
		l, err := measure(ctx, base, q.token, q.query, cfg.Requests)
		if err != nil {
			return err
		}
		w.to = time.Now()
		rows, windows = append(rows, l), append(windows, w)
	}
	pause()
	for i, w := range windows {
		read, err := bytesRead(ctx, st, w)
		if err != nil {
			return err
		}
		rows[i].read = read / uint64(rows[i].requests)
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
