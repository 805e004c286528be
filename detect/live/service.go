package live

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/kafkatopic"
	"github.com/credwatch/credwatch/internal/retry"
	"github.com/credwatch/credwatch/redact"
)

// ServiceConfig is everything the live detector needs.
type ServiceConfig struct {
	Live     Config
	Rules    *detect.RuleSet
	Engine   detect.Config    // one engine per assigned partition is built with it
	Redactor *redact.Redactor // the same key as ingest, so redacted references agree
	Sources  decode.Sources   // the same formats and default tenants as ingest
	Writer   AlertWriter
	// Suppressions, when set, are polled every Live.SuppressionPoll and
	// honoured with Engine.Suppressions without a restart.
	Suppressions SuppressionSource
}

// Deps are the process-wide things the service reports to.
type Deps struct {
	Log     *slog.Logger
	Metrics prometheus.Registerer
	Health  *health.Registry
	Clock   clock.Clock
	Ready   func(bool) // told once partitions are being judged, and at stop; may be nil
}

// RunService runs the live detector (and the re-key stage with Rekey) until
// ctx ends, or until one of them fails for good.
func RunService(ctx context.Context, sc ServiceConfig, d Deps) error {
	cfg := sc.Live.Defaults()
	switch {
	case len(cfg.Brokers) == 0:
		return fmt.Errorf("live detect: brokers: required")
	case sc.Rules == nil:
		return fmt.Errorf("live detect: rules: required")
	case sc.Writer == nil:
		return fmt.Errorf("live detect: alert writer: required")
	}
	m := NewMetrics(d.Metrics)
	newDecoder := func() *decode.Decoder {
		return decode.New(sc.Redactor, d.Clock.Now, decode.DefaultLimits()).WithSources(sc.Sources)
	}
	r := retry.Retrier{Clock: d.Clock, Health: d.Health, Log: d.Log, Max: cfg.MaxBackoff, HealthName: healthName,
		OnRetry: func(c string) { m.retries.WithLabelValues(c).Inc() }}
	client := kafkatopic.NewClient(cfg.Brokers)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	rekeyDone := make(chan error, 1)
	if cfg.Rekey {
		if err := prepareRekeyTopic(ctx, cfg, client, r); err != nil {
			return err
		}
		rk := newRekeyer(cfg, newDecoder(), r, m, d.Log)
		go func() {
			err := rk.run(ctx)
			if err != nil {
				cancel()
			}
			rekeyDone <- err
		}()
	} else {
		rekeyDone <- nil
	}
	// The one fact no partition key keeps whole, shared by every partition's
	// engine for the life of the process.
	networks := detect.NewNetworks()
	suppressions, pollerDone := startSuppressionPoller(ctx, sc, cfg, d)
	det := &detector{cfg: cfg, topic: cfg.DetectTopic(), client: client, newDecoder: newDecoder, writer: sc.Writer,
		ready: d.Ready, clock: d.Clock, log: d.Log, health: d.Health, metrics: m,
		warm: &warmer{cfg: cfg, clock: d.Clock, log: d.Log, metrics: m, networks: networks,
			newEngine: func() *detect.Engine {
				cfg := sc.Engine
				cfg.Streaming = true // alerts live on in the sink, not in the engine
				cfg.Baseline.Networks = networks
				cfg.LiveSuppressions = suppressions
				return detect.NewEngine(sc.Rules, cfg)
			}}}
	d.Log.Info("live detect running", "topic", det.topic, "group", cfg.Group, "rekey", cfg.Rekey,
		"batch_size", cfg.BatchSize, "batch_timeout", cfg.BatchTimeout, "warm_start", cfg.WarmStart)
	err := det.run(ctx)
	cancel()
	<-pollerDone
	err = errors.Join(err, <-rekeyDone)
	if d.Ready != nil {
		d.Ready(false)
	}
	d.Log.Info("live detect stopped", "err", err)
	return err
}

// prepareRekeyTopic creates the internal topic, when missing, with as many
// partitions as the events topic, retrying while Kafka is unreachable.
func prepareRekeyTopic(ctx context.Context, cfg Config, client *kafka.Client, r retry.Retrier) error {
	return r.Do(ctx, componentRekey, 0, func(ctx context.Context) error {
		return kafkatopic.EnsureLike(ctx, client, cfg.RekeyTopic, cfg.Topic)
	})
}
