package ingest_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/store"
)

const (
	topic    = "credwatch.events"
	dlqTopic = "credwatch.events.dlq"
)

// baseTime is when generated test events happen.
var baseTime = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// goodEvent is a valid v1 event with id evt-<i>.
func goodEvent(i int) []byte {
	return fmt.Appendf(nil, `{"id":"evt-%07d","time":%q,"action":"token.use","tenant":"org-%d",`+
		`"actor":{"id":"user-%d","type":"user","tenants":["org-%d"]},"token":{"id":"tok-%d","kind":"fine_grained","scopes":["read"]},`+
		`"source":{"ip":"203.0.113.%d","asn":%d,"country":"US","user_agent":"huggingface_hub/0.26"},"attrs":{"n":"%d"}}`,
		i, baseTime.Add(time.Duration(i)*time.Second).Format(time.RFC3339Nano), i%50, i%500, i%50, i%2000, i%250, 64500+i%7, i)
}

// produce writes values to topic, keyed by index so partitions are spread.
func produce(t testing.TB, brokers []string, values ...[]byte) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: 5000, BatchTimeout: 5 * time.Millisecond, BatchBytes: 8 << 20}
	defer w.Close()
	msgs := make([]kafka.Message, len(values))
	for i, v := range values {
		msgs[i] = kafka.Message{Key: fmt.Appendf(nil, "k%d", i), Value: v}
	}
	for len(msgs) > 0 {
		n := min(len(msgs), 5000)
		require.NoError(t, w.WriteMessages(context.Background(), msgs[:n]...))
		msgs = msgs[n:]
	}
}

// env is one test's Kafka broker and ClickHouse server.
type env struct {
	brokers []string
	ch      *chserver.Server
	store   *store.Store
	logs    *syncBuffer
	health  *health.Registry
	sources decode.Sources // formats and default tenants the ingester is given
}

func newEnv(t *testing.T, partitions int32) *env {
	ch := testenv.ClickHouse(t)
	k := testenv.Kafka(t, partitions, topic, dlqTopic)
	st, err := store.Open(context.Background(), ch.DSN("credwatch"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	_, err = st.Migrate(context.Background(), store.MigrateOptions{})
	require.NoError(t, err)
	return &env{brokers: k.ListenAddrs(), ch: ch, store: st, logs: &syncBuffer{}, health: health.New(time.Now)}
}

// runIngest runs the ingest service in-process until the returned stop is called.
func (e *env) runIngest(t *testing.T, cfg ingest.Config) (stop func() error) {
	return e.runIngestGroup(t, cfg, "credwatch-ingest")
}

// runIngestGroup is runIngest with a chosen consumer group.
func (e *env) runIngestGroup(t *testing.T, cfg ingest.Config, group string) (stop func() error) {
	red, err := redact.New([]byte("integration-test-key-0123456789"))
	require.NoError(t, err)
	cfg.Topic, cfg.DLQTopic = topic, dlqTopic
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	log := slog.New(slog.NewJSONHandler(e.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	go func() {
		done <- ingest.RunService(ctx, ingest.ServiceConfig{
			Pipeline: cfg, Kafka: ingest.KafkaConfig{Brokers: e.brokers, Group: group, SessionTimeout: 6 * time.Second},
			ClickHouseDSN: e.ch.DSN("credwatch"), Redactor: red, Sources: e.sources,
		}, ingest.Deps{Log: log, Metrics: prometheus.NewRegistry(), Health: e.health, Clock: clock.Real{}})
	}()
	var once sync.Once
	var runErr error
	stop = func() error {
		once.Do(func() { cancel(); runErr = <-done })
		return runErr
	}
	t.Cleanup(func() { _ = stop() })
	return stop
}

// counts returns physical rows, rows seen through events_unique and distinct ids.
func (e *env) counts(t testing.TB) (physical, unique, ids uint64) {
	ctx := context.Background()
	require.NoError(t, e.store.Conn().QueryRow(ctx, "SELECT count() FROM events").Scan(&physical))
	require.NoError(t, e.store.Conn().QueryRow(ctx, "SELECT count(), uniqExact(id) FROM events_unique").Scan(&unique, &ids))
	return
}

// waitStored polls until events_unique holds want rows.
func (e *env) waitStored(t *testing.T, want uint64, timeout time.Duration) {
	t.Helper()
	testenv.Eventually(t, timeout, fmt.Sprintf("%d stored events", want), func() bool {
		_, unique, _ := e.counts(t)
		return unique >= want
	})
}

// syncBuffer is a goroutine-safe log sink.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) Bytes() []byte {
	b.mu.Lock()
	defer b.mu.Unlock()
	return bytes.Clone(b.buf.Bytes())
}
