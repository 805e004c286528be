package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/ingest/decode"
)

type detectCmd struct {
	rulesSource
	FromFile     string        `name:"from-file" type:"existingfile" help:"Events to judge offline (backtest): JSON lines, pretty-printed JSON documents, a JSON array or a CloudTrail log file, gzipped or not; alerts go to stdout. Without it, detect runs live on Kafka."`
	Learning     time.Duration `default:"168h" help:"Baseline learning period per credential."`
	Window       time.Duration `default:"1h" help:"Alerts of one rule, credential and tenant within this window are one alert."`
	Suppressions string        `type:"existingfile" env:"CREDWATCH_SUPPRESSIONS" help:"JSON array of suppressions (rule, scope, owner, reason, expires): matching alerts are kept and marked, never sent to response."`
	Shadow       []string      `help:"Run this rule in shadow mode: its alerts are recorded, never sent to response (repeatable)."`
	RedactionKey string        `env:"CREDWATCH_REDACTION_KEY" help:"HMAC key for redacted references (the same as ingest's)."`
	detectLiveFlags
	sourceFlags
}

func (c *detectCmd) Run(g *Globals, ctx context.Context) error {
	log := g.Logger()
	rs, err := detect.LoadRules(ctx, c.fs())
	if err != nil {
		return err
	}
	red, err := redactorFor(c.RedactionKey, log)
	if err != nil {
		return err
	}
	cfg, err := c.engineConfig()
	if err != nil {
		return err
	}
	sources, err := c.sources()
	if err != nil {
		return err
	}
	if c.FromFile == "" {
		return c.runLive(ctx, g, rs, cfg, red, sources)
	}
	f, err := os.Open(c.FromFile)
	if err != nil {
		return err
	}
	defer f.Close()
	// Offline, "now" is the end of time: only the file's own order matters.
	dec := decode.New(red, func() time.Time { return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC) }, decode.DefaultLimits()).WithSources(sources)
	e := detect.NewEngine(rs, cfg)
	st, err := detect.RunFile(ctx, f, os.Stdout, dec, e)
	fmt.Fprintf(os.Stderr, "%d events (%d rejected %v) → %d alerts %v; rule errors %v\n",
		st.Events, st.Rejected, st.RejectedBy, st.Alerts, st.BySeverity, st.RuleErrors)
	if st.RejectedBy["tenant:missing_field"] > 0 && len(sources.DefaultTenant) == 0 {
		fmt.Fprintln(os.Stderr, "events that name no tenant were rejected: give --default-tenant")
	}
	return err
}

// engineConfig is the engine configuration from the flags.
func (c *detectCmd) engineConfig() (detect.Config, error) {
	cfg := detect.Config{Baseline: detect.BaselineConfig{Learning: c.Learning}, Window: c.Window, Shadow: c.Shadow}
	if c.Suppressions != "" {
		s, err := detect.LoadSuppressions(c.Suppressions)
		if err != nil {
			return cfg, fmt.Errorf("--suppressions: %w", err)
		}
		cfg.Suppressions = s
	}
	return cfg, nil
}
