package main

import (
	"context"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/credwatch/credwatch/allinone"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/respond"
)

type runCmd struct {
	Brokers       []string      `env:"CREDWATCH_BROKERS" help:"Kafka brokers (default: start an embedded broker)."`
	ClickHouse    string        `name:"clickhouse" env:"CREDWATCH_CLICKHOUSE" help:"ClickHouse DSN (default: start clickhouse-server with data under --data-dir)."`
	Cluster       clusterFlag   `embed:""`
	DataDir       string        `default:".credwatch" env:"CREDWATCH_DATA_DIR" help:"Where embedded parts keep their data."`
	Topic         string        `default:"credwatch.events" env:"CREDWATCH_TOPIC" help:"Events topic."`
	NoGen         bool          `name:"no-gen" env:"CREDWATCH_NO_GEN" help:"Do not generate traffic."`
	Rate          float64       `default:"200" env:"CREDWATCH_RATE" help:"Generated events per second."`
	Seed          uint64        `default:"1" env:"CREDWATCH_SEED" help:"Generator seed."`
	MetricsAddr   string        `default:"127.0.0.1:9464" env:"CREDWATCH_METRICS_ADDR" help:"Address for /metrics, /healthz, /readyz."`
	ConsoleAddr   string        `default:"127.0.0.1:9470" env:"CREDWATCH_CONSOLE_LISTEN" help:"Address of the console's API."`
	RedactionKey  string        `env:"CREDWATCH_REDACTION_KEY" help:"HMAC key for redacted references (default: kept in --data-dir)."`
	NoAttacks     bool          `name:"no-attacks" env:"CREDWATCH_NO_ATTACKS" help:"Play no attack scenario."`
	FirstAttack   time.Duration `default:"30s" env:"CREDWATCH_FIRST_ATTACK" help:"When the first attack is played."`
	AttackEvery   time.Duration `default:"5m" env:"CREDWATCH_ATTACK_EVERY" help:"How often an attack is played after the first."`
	RespondDryRun bool          `name:"respond-dry-run" env:"CREDWATCH_RESPOND_DRY_RUN" help:"Respond records decisions and sends nothing (run acts against its own receiver by default)."`
	sourceFlags
}

func (c *runCmd) Run(g *Globals, ctx context.Context) error {
	log := g.Logger()
	stopProfiling, err := g.startProfiling("run", log)
	if err != nil {
		return err
	}
	defer stopProfiling()
	sources, err := c.sources()
	if err != nil {
		return err
	}
	dsn, err := c.Cluster.dsn(c.ClickHouse)
	if err != nil {
		return err
	}
	o := allinone.Options{Sources: sources, Brokers: c.Brokers, ClickHouseDSN: dsn, DataDir: c.DataDir, Topic: c.Topic,
		NoGen: c.NoGen, Rate: c.Rate, Seed: c.Seed, MetricsAddr: c.MetricsAddr, ConsoleAddr: c.ConsoleAddr, RedactionKey: c.RedactionKey,
		Version: version, NoAttacks: c.NoAttacks, FirstAttack: c.FirstAttack, AttackEvery: c.AttackEvery,
		Guardrails: respond.Guardrails{DryRun: c.RespondDryRun}, Status: os.Stdout, Plain: !term.IsTerminal(int(os.Stdout.Fd()))}
	return allinone.Run(ctx, o, log, clock.Real{})
}
