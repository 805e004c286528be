// Package allinone is `credwatch run`: every part of credwatch in one process
// on embedded defaults — an in-process Kafka-protocol broker, a managed
// clickhouse-server under the data directory, the traffic generator, the
// ingester and the live detector — each replaceable by a real one.
package allinone

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/observe"
	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/store"
)

// Options configure a run. Empty Brokers or ClickHouseDSN start embedded ones.
type Options struct {
	Brokers       []string
	ClickHouseDSN string
	DataDir       string // default ./.credwatch
	Topic         string
	NoGen         bool
	Rate          float64 // generated events per second
	Seed          uint64
	MetricsAddr   string
	ConsoleAddr   string         // default 127.0.0.1:9470
	RedactionKey  string         // default: a key kept in DataDir/redaction.key
	Sources       decode.Sources // formats and default tenants of the events topic
	Status        io.Writer
	Plain         bool                                       // Status is not a terminal: plain lines every few seconds
	NoAttacks     bool                                       // play no attack scenario
	FirstAttack   time.Duration                              // default 30s
	AttackEvery   time.Duration                              // default 5m
	Guardrails    respond.Guardrails                         // respond's; DryRun records decisions and sends nothing
	OnAttack      func(scenario string, producing time.Time) // called as each attack starts producing
	Version       string
}

// Run starts everything, prints where each part runs, keeps a status line on
// Status, and stops everything cleanly when ctx ends.
func Run(ctx context.Context, o Options, log *slog.Logger, clk clock.Clock) error {
	o = o.withDefaults()
	parts, err := startParts(ctx, &o, log)
	defer parts.stop()
	if err != nil {
		return err
	}
	red, err := redactor(o, log)
	if err != nil {
		return err
	}
	h := health.New(clk.Now)
	reg := observe.NewRegistry()
	metricsAddr, err := observe.Serve(ctx, o.MetricsAddr, reg, h, log)
	if err != nil {
		return fmt.Errorf("metrics: %w", err)
	}
	printBanner(o, parts, metricsAddr)
	if err := migrate(ctx, o.ClickHouseDSN, log); err != nil {
		return err
	}

	var wg sync.WaitGroup
	errs := make(chan error, 6)
	wg.Go(func() {
		errs <- ingest.RunService(ctx, ingest.ServiceConfig{
			Pipeline:      ingest.Config{Topic: o.Topic, BatchTimeout: defaultBatchTimeout},
			Kafka:         ingest.KafkaConfig{Brokers: o.Brokers, Group: "credwatch-ingest"},
			ClickHouseDSN: o.ClickHouseDSN, Redactor: red, Sources: o.Sources,
		}, ingest.Deps{Log: log, Metrics: reg, Health: h, Clock: clk})
	})
	wg.Go(func() {
		errs <- detection{opts: o, redactor: red, metrics: reg, health: h, clock: clk, log: log}.run(ctx)
	})
	wg.Go(func() {
		errs <- response{opts: o, metrics: reg, health: h, clock: clk, log: log}.run(ctx)
	})
	wg.Go(func() { errs <- consolePart{opts: o, clock: clk, log: log}.run(ctx) })
	gen := &generated{}
	if !o.NoGen {
		wg.Go(func() { errs <- runGenerator(ctx, o, gen, clk) })
	}
	att := &attacker{opts: o, clock: clk, log: log}
	if !o.NoAttacks {
		wg.Go(func() { errs <- att.run(ctx) })
	}
	status := newStatusLine(o.Status, reg, h, gen, clk)
	status.plain, status.attack = o.Plain, &att.played
	status.run(ctx)
	wg.Wait()
	close(errs)
	var all []error
	for e := range errs {
		if e != nil && !errors.Is(e, context.Canceled) {
			all = append(all, e)
		}
	}
	status.final()
	return errors.Join(all...)
}

func (o Options) withDefaults() Options {
	if o.DataDir == "" {
		o.DataDir = ".credwatch"
	}
	o.DataDir, _ = filepath.Abs(o.DataDir)
	if o.Topic == "" {
		o.Topic = "credwatch.events"
	}
	if o.Rate <= 0 {
		o.Rate = 200
	}
	if o.FirstAttack <= 0 {
		o.FirstAttack = 30 * time.Second
	}
	if o.AttackEvery <= 0 {
		o.AttackEvery = 5 * time.Minute
	}
	if o.ConsoleAddr == "" {
		o.ConsoleAddr = "127.0.0.1:9470"
	}
	if o.MetricsAddr == "" {
		o.MetricsAddr = "127.0.0.1:9464"
	}
	return o
}

// migrate applies the migrations once, before ingest and detection start
// (both write to the tables; two concurrent migrations would race).
func migrate(ctx context.Context, dsn string, log *slog.Logger) error {
	st, err := store.Open(ctx, dsn, log)
	if err != nil {
		return fmt.Errorf("clickhouse: %w", err)
	}
	defer st.Close()
	_, err = st.Migrate(ctx, store.MigrateOptions{})
	return err
}
