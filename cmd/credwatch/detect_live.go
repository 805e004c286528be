package main

import (
	"context"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/detect/suppressions"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
)

// detectLiveFlags configure `credwatch detect` without --from-file. Group and
// metrics address have their own env names so that one environment can run
// ingest and detect side by side.
type detectLiveFlags struct {
	Brokers         []string      `env:"CREDWATCH_BROKERS" help:"Kafka bootstrap brokers (host:port,...); required live."`
	Topic           string        `default:"credwatch.events" env:"CREDWATCH_TOPIC" help:"Events topic (the one ingest reads)."`
	Group           string        `default:"credwatch-detect" env:"CREDWATCH_DETECT_GROUP" help:"Detect's consumer group (apart from ingest's)."`
	Rekey           bool          `env:"CREDWATCH_REKEY" help:"The events topic is not keyed by principal (token owner, else actor): re-key it into --rekey-topic first."`
	RekeyTopic      string        `name:"rekey-topic" env:"CREDWATCH_REKEY_TOPIC" help:"Internal topic keyed by principal (default <topic>.by-principal)."`
	FromIngest      bool          `name:"from-ingest" env:"CREDWATCH_FROM_INGEST" help:"--topic is credwatch ingest's --publish-topic: read its events as ingest decoded them (wire form) instead of decoding again."`
	ClickHouse      string        `name:"clickhouse" default:"clickhouse://127.0.0.1:9000/credwatch" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN for the warm start ('off': always start cold)."`
	Cluster         clusterFlag   `embed:""`
	WarmStart       time.Duration `name:"warm-start" default:"720h" env:"CREDWATCH_WARM_START" help:"History learned from ClickHouse on start and on every reassignment."`
	WarmStartWait   time.Duration `name:"warm-start-wait" default:"10s" env:"CREDWATCH_WARM_START_WAIT" help:"Longest alerts wait on ClickHouse before starting cold."`
	AlertsOut       string        `name:"alerts-out" default:"-" env:"CREDWATCH_ALERTS_OUT" help:"Alerts as JSON lines to this file (appended), or '-' for stdout."`
	AlertsTopic     string        `name:"alerts-topic" default:"credwatch.alerts" env:"CREDWATCH_ALERTS_TOPIC" help:"Topic new and escalated alerts are published to (OCSF Detection Finding)."`
	NoSink          bool          `name:"no-sink" help:"Do not store alerts in ClickHouse nor publish them (JSON lines only)."`
	BatchSize       int           `name:"batch-size" default:"1000" help:"Messages judged per batch, at most."`
	BatchTimeout    time.Duration `name:"batch-timeout" default:"10ms" help:"Longest a message waits for its batch."`
	SessionTimeout  time.Duration `default:"10s" env:"CREDWATCH_SESSION_TIMEOUT" help:"Consumer-group session timeout."`
	SuppressionPoll time.Duration `name:"suppression-poll" default:"10s" env:"CREDWATCH_SUPPRESSION_POLL" help:"How often the suppressions managed in the console are re-read from ClickHouse (honoured with --suppressions, without a restart)."`
	MetricsAddr     string        `name:"metrics-addr" default:"127.0.0.1:9465" env:"CREDWATCH_DETECT_METRICS_ADDR" help:"Address for /metrics and /healthz (empty: off)."`
}

// runLive runs the live detector until ctx ends.
func (c *detectCmd) runLive(ctx context.Context, g *Globals, rs *detect.RuleSet, cfg detect.Config, red *redact.Redactor, sources decode.Sources) error {
	if len(c.Brokers) == 0 {
		return fmt.Errorf("--brokers is required to run live (or pass --from-file for a backtest)")
	}
	log := g.Logger()
	stopProfiling, err := g.startProfiling("detect", log)
	if err != nil {
		return err
	}
	defer stopProfiling()
	out, err := live.OpenAlertsOut(c.AlertsOut)
	if err != nil {
		return fmt.Errorf("--alerts-out: %w", err)
	}
	defer out.Close()
	obs, err := startObservability(ctx, c.MetricsAddr, log)
	if err != nil {
		return err
	}
	dsn, err := c.Cluster.dsn(c.ClickHouse)
	if err != nil {
		return err
	}
	if dsn == "off" {
		dsn = ""
	}
	writer := live.AlertWriter(live.NewJSONLinesWriter(out))
	if dsn != "" && !c.NoSink {
		sink, closeSink, err := alertsink.Open(ctx, dsn, true, c.Brokers, c.AlertsTopic, obs.metrics, obs.clock, log)
		if err != nil {
			return fmt.Errorf("alert sink (--no-sink to run without): %w", err)
		}
		defer closeSink()
		writer = live.Fanout{sink, writer}
	}
	sc := live.ServiceConfig{
		Live: live.Config{Brokers: c.Brokers, Topic: c.Topic, Group: c.Group, Rekey: c.Rekey, RekeyTopic: c.RekeyTopic, FromIngest: c.FromIngest,
			BatchSize: c.BatchSize, BatchTimeout: c.BatchTimeout, SessionTimeout: c.SessionTimeout,
			ClickHouseDSN: dsn, WarmStart: c.WarmStart, WarmStartWait: c.WarmStartWait, SuppressionPoll: c.SuppressionPoll},
		Rules: rs, Engine: cfg, Redactor: red, Sources: sources, Writer: writer,
	}
	if dsn != "" {
		remote := suppressions.NewRemote(dsn, log)
		defer remote.Close()
		sc.Suppressions = remote
	}
	return live.RunService(ctx, sc, live.Deps{Log: log, Metrics: obs.metrics, Health: obs.health, Clock: obs.clock, Ready: obs.health.SetReady})
}
