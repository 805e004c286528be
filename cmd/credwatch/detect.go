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
	FromFile     string        `name:"from-file" required:"" type:"existingfile" help:"JSON lines of events to judge offline (backtest); alerts go to stdout."`
	Learning     time.Duration `default:"168h" help:"Baseline learning period per credential."`
	Window       time.Duration `default:"1h" help:"Alerts of one rule, credential and tenant within this window are one alert."`
	RedactionKey string        `env:"CREDWATCH_REDACTION_KEY" help:"HMAC key for redacted references."`
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
	f, err := os.Open(c.FromFile)
	if err != nil {
		return err
	}
	defer f.Close()
	// Offline, "now" is the end of time: only the file's own order matters.
	dec := decode.New(red, func() time.Time { return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC) }, decode.DefaultLimits())
	e := detect.NewEngine(rs, detect.Config{Baseline: detect.BaselineConfig{Learning: c.Learning}, Window: c.Window})
	st, err := detect.RunFile(ctx, f, os.Stdout, dec, e)
	fmt.Fprintf(os.Stderr, "%d events (%d rejected) → %d alerts %v; rule errors %v\n",
		st.Events, st.Rejected, st.Alerts, st.BySeverity, st.RuleErrors)
	return err
}
