package console

import (
	"context"
	"errors"
	"log/slog"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/respond"
	"github.com/credwatch/credwatch/respond/webhook"
	"github.com/credwatch/credwatch/rules"
	"github.com/credwatch/credwatch/store"
)

// pipeline is credwatch in-process on the wall clock: an in-process Kafka
// broker, a clickhouse-server, ingest, live detection writing alerts to
// ClickHouse and the alerts topic, respond (the default policy) delivering
// to a webhook receiver, and the console (its users e2eUsers).
type pipeline struct {
	brokers []string
	st      *store.Store
	console *Server
	srv     *httptest.Server
	rcv     *revocations
	logs    *lockedLog
}

// e2eTopic is the events topic of the pipeline.
const e2eTopic = "credwatch.events"

// newPipeline starts every part; they stop when the test ends.
func newPipeline(t *testing.T) *pipeline {
	ch := testenv.ClickHouse(t)
	kafka := testenv.Kafka(t, 4, e2eTopic, e2eTopic+".dlq", alertsink.DefaultTopic)
	p := &pipeline{brokers: kafka.ListenAddrs(), logs: &lockedLog{}}
	log := slog.New(slog.NewTextHandler(p.logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("pipeline logs:\n%s", p.logs.String())
		}
	})
	dsn := ch.DSN("credwatch")
	ctx, cancel := context.WithCancel(context.Background())
	var err error
	p.st, err = store.Open(ctx, dsn, log)
	require.NoError(t, err)
	_, err = p.st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	secret := newWebhookSecret(t)
	p.rcv = newRevocations(t, secret)
	var wg sync.WaitGroup
	t.Cleanup(func() { cancel(); wg.Wait(); p.st.Close() })
	p.run(ctx, t, &wg, log, dsn, secret)
	p.console = New(Config{Store: p.st, Users: e2eUsers{}, Actions: &recorded{}, Now: time.Now, Log: log, PlainHTTP: true,
		AlertsRefresh: time.Second})
	p.srv = httptest.NewServer(p.console.Handler())
	t.Cleanup(p.srv.Close)
	return p
}

// run starts ingest, live detection and respond, each until ctx ends.
func (p *pipeline) run(ctx context.Context, t *testing.T, wg *sync.WaitGroup, log *slog.Logger, dsn string, secret webhook.Secret) {
	red, err := redact.New([]byte("e2e-redaction-key-0123456789abcdef"))
	require.NoError(t, err)
	rs, err := detect.LoadRules(ctx, rules.FS)
	require.NoError(t, err)
	sink, closeSink, err := alertsink.Open(ctx, dsn, false, p.brokers, alertsink.DefaultTopic, prometheus.NewRegistry(), clock.Real{}, log)
	require.NoError(t, err)
	t.Cleanup(closeSink)
	deps := func() (prometheus.Registerer, *health.Registry) {
		return prometheus.NewRegistry(), health.New(time.Now)
	}
	keep := func(name string, err error) {
		if err != nil && !errors.Is(err, context.Canceled) && ctx.Err() == nil {
			log.Error(name+" stopped", "err", err)
		}
	}
	wg.Go(func() {
		m, h := deps()
		keep("ingest", ingest.RunService(ctx, ingest.ServiceConfig{
			Pipeline: ingest.Config{Topic: e2eTopic, BatchTimeout: 50 * time.Millisecond},
			Kafka:    ingest.KafkaConfig{Brokers: p.brokers, Group: "e2e-ingest"}, ClickHouseDSN: dsn, Redactor: red,
		}, ingest.Deps{Log: log, Metrics: m, Health: h, Clock: clock.Real{}}))
	})
	wg.Go(func() {
		m, h := deps()
		sc := live.ServiceConfig{Live: live.Config{Brokers: p.brokers, Topic: e2eTopic, SessionTimeout: 6 * time.Second},
			Rules: rs, Redactor: red, Writer: sink}
		sc.Engine.Baseline.Learning, sc.Engine.Window = 7*24*time.Hour, time.Hour // as the live scenario tests judge
		keep("detect", live.RunService(ctx, sc, live.Deps{Log: log, Metrics: m, Health: h, Clock: clock.Real{}}))
	})
	wg.Go(func() {
		m, h := deps()
		keep("respond", respond.Run(ctx, respond.Config{Brokers: p.brokers, EventsTopic: e2eTopic, ClickHouseDSN: dsn,
			WebhookURL: p.rcv.srv.URL, Secrets: []webhook.Secret{secret}, PollEvery: 250 * time.Millisecond},
			respond.Deps{Log: log, Metrics: m, Health: h, Clock: clock.Real{}}))
	})
}
