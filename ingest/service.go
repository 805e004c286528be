package ingest

import (
	"cmp"
	"context"
	"log/slog"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/retry"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/store"
)

// ServiceConfig is everything `credwatch ingest` needs.
type ServiceConfig struct {
	Pipeline      Config
	Kafka         KafkaConfig
	ClickHouseDSN string
	Migrate       bool
	Redactor      *redact.Redactor
	Sources       decode.Sources // formats and default tenants per topic
	// KeepOriginal stores each whole scrubbed message in events.raw besides
	// what its mapping did not carry (events.unmapped); off, raw stays empty.
	KeepOriginal bool
	// PublishTopic, when set, receives every stored event's wire form keyed
	// by its principal, for `credwatch detect --topic` to read without
	// decoding again; created like the events topic when missing.
	PublishTopic string
}

// Deps are the process-wide things a service reports to.
type Deps struct {
	Log     *slog.Logger
	Metrics prometheus.Registerer
	Health  *health.Registry
	Clock   clock.Clock
}

// RunService connects (retrying while ClickHouse is unreachable), then runs
// the pipeline until ctx ends.
func RunService(ctx context.Context, sc ServiceConfig, d Deps) error {
	cfg := sc.Pipeline.Defaults()
	st, err := connect(ctx, sc, d)
	if err != nil {
		return err
	}
	defer st.Close()
	kc := sc.Kafka
	kc.FetchWait = cmp.Or(kc.FetchWait, BulkFetchWait)
	reader := NewReader(kc, cfg.Topic, d.Log)
	defer reader.Close()
	dlq := NewDeadLetterWriter(sc.Kafka)
	defer dlq.Close()
	m := NewMetrics(d.Metrics)
	sink := &Sink{Store: st, DeadLetter: dlq, DLQTopic: cfg.DLQTopic, Commit: reader, Clock: d.Clock,
		Health: d.Health, Metrics: m, Log: d.Log, MaxBackoff: cfg.MaxBackoff, InsertBytes: cfg.InsertBytes,
		InsertsInFlight: cfg.InsertsInFlight}
	if sc.PublishTopic != "" {
		pub, n, err := newPublisher(ctx, sc, cfg, d)
		if err != nil {
			return err
		}
		defer pub.Close()
		sink.Publish, sink.PublishPartitions = pub, n
	}
	newDecoder := func() *decode.Decoder {
		dec := decode.New(sc.Redactor, d.Clock.Now, decode.DefaultLimits()).WithSources(sc.Sources).PackStrings().
			ShareInput().CarryRemainder()
		if !sc.KeepOriginal {
			dec.DropOriginal()
		}
		return dec
	}
	p := NewPipeline(cfg, reader, newDecoder, sink, d.Clock, m, d.Log)
	d.Log.Info("ingest running", "topic", cfg.Topic, "group", sc.Kafka.Group, "dlq", cfg.DLQTopic,
		"batch_size", cfg.BatchSize, "batch_bytes", cfg.BatchBytes, "insert_bytes", cfg.InsertBytes, "inserts_in_flight", cfg.InsertsInFlight,
		"batch_timeout", cfg.BatchTimeout, "publish", sc.PublishTopic)
	d.Health.SetReady(true)
	err = p.Run(ctx)
	d.Health.SetReady(false)
	d.Log.Info("ingest stopped", "err", err)
	return err
}

// connect opens the store (and migrates), retrying until ctx ends.
func connect(ctx context.Context, sc ServiceConfig, d Deps) (*store.Store, error) {
	var st *store.Store
	r := retry.Retrier{Clock: d.Clock, Health: d.Health, Log: d.Log, Max: 5 * time.Second}
	err := r.Do(ctx, componentClickHouse, 0, func(ctx context.Context) error {
		var err error
		if st, err = store.Open(ctx, sc.ClickHouseDSN, d.Log); err != nil || !sc.Migrate {
			return err
		}
		if _, err = st.Migrate(ctx, store.MigrateOptions{}); err != nil {
			st.Close()
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}
