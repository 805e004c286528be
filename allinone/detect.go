package allinone

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/detect/suppressions"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/rules"
)

// alertsFile is where the all-in-one writes alerts, under the data directory.
const alertsFile = "alerts.jsonl"

// detection is what the live detector needs from the run.
type detection struct {
	opts     Options
	redactor *redact.Redactor
	metrics  prometheus.Registerer
	health   *health.Registry
	clock    clock.Clock
	log      *slog.Logger
}

// run judges the events topic live with the embedded rules, in its own
// consumer group, warm-starting from the run's ClickHouse. Alerts are stored
// in ClickHouse (alerts, alert_evidence), published to credwatch.alerts and
// appended as JSON lines to DataDir/alerts.jsonl. The suppressions managed
// in the console are re-read every 10 s and honoured without a restart.
func (d detection) run(ctx context.Context) error {
	rs, err := detect.LoadRules(ctx, rules.FS)
	if err != nil {
		return err
	}
	out, err := live.OpenAlertsOut(filepath.Join(d.opts.DataDir, alertsFile))
	if err != nil {
		return fmt.Errorf("alerts file: %w", err)
	}
	defer out.Close()
	sink, closeSink, err := alertsink.Open(ctx, d.opts.ClickHouseDSN, false, d.opts.Brokers, alertsink.DefaultTopic, d.metrics, d.clock, d.log)
	if err != nil {
		return fmt.Errorf("alert sink: %w", err)
	}
	defer closeSink()
	remote := suppressions.NewRemote(d.opts.ClickHouseDSN, d.log)
	defer remote.Close()
	return live.RunService(ctx, live.ServiceConfig{
		Live:  live.Config{Brokers: d.opts.Brokers, Topic: d.opts.Topic, ClickHouseDSN: d.opts.ClickHouseDSN},
		Rules: rs, Redactor: d.redactor, Sources: d.opts.Sources, Writer: live.Fanout{sink, live.NewJSONLinesWriter(out)},
		Suppressions: remote,
	}, live.Deps{Log: d.log, Metrics: d.metrics, Health: d.health, Clock: d.clock})
}
