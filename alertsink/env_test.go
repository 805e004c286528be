package alertsink_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// topicPartitions is how many partitions the test alerts topic has.
const topicPartitions = 3

// env is one test's ClickHouse (migrated) and Kafka broker.
type env struct {
	ch      *chserver.Server
	store   *store.Store
	brokers []string
}

func newEnv(t testing.TB) *env {
	ch := testenv.ClickHouseWithUsers(t, testenv.LogQueries) // TestRoundTrip… replays the log on 26.7
	k := testenv.Kafka(t, topicPartitions, alertsink.DefaultTopic)
	st, err := store.Open(context.Background(), ch.DSN("credwatch"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	_, err = st.Migrate(context.Background(), store.MigrateOptions{RetentionDays: 30})
	require.NoError(t, err)
	return &env{ch: ch, store: st, brokers: k.ListenAddrs()}
}

// sink is a fresh Sink (as after a restart) on the env's store and broker.
func (e *env) sink(t testing.TB) (*alertsink.Sink, *prometheus.Registry) {
	return e.sinkOn(t, e.store)
}

// sinkOn is sink writing through ins.
func (e *env) sinkOn(t testing.TB, ins alertsink.RowInserter) (*alertsink.Sink, *prometheus.Registry) {
	w := alertsink.NewWriter(e.brokers)
	t.Cleanup(func() { w.Close() })
	reg := prometheus.NewRegistry()
	s, err := alertsink.New(alertsink.Config{Store: ins, Writer: w, Metrics: reg,
		Clock: clock.NewStep(t0.Add(time.Hour)), Timeout: 10 * time.Second})
	require.NoError(t, err)
	return s, reg
}

// count runs a SELECT count()-like query.
func (e *env) count(t testing.TB, query string, args ...any) uint64 {
	t.Helper()
	var n uint64
	require.NoError(t, e.store.Conn().QueryRow(context.Background(), query, args...).Scan(&n))
	return n
}

// published reads every message on the alerts topic. Write returns only
// once Kafka has acknowledged, so each partition's last offset is final.
func (e *env) published(t testing.TB) []kafka.Message {
	t.Helper()
	var out []kafka.Message
	for p := 0; p < topicPartitions; p++ {
		out = append(out, readPartition(t, e.brokers[0], alertsink.DefaultTopic, p)...)
	}
	return out
}

func readPartition(t testing.TB, broker, topic string, p int) []kafka.Message {
	conn, err := kafka.DialLeader(context.Background(), "tcp", broker, topic, p)
	require.NoError(t, err)
	defer conn.Close()
	last, err := conn.ReadLastOffset()
	require.NoError(t, err)
	var out []kafka.Message
	for off := int64(0); off < last; {
		_, err := conn.Seek(off, kafka.SeekAbsolute)
		require.NoError(t, err)
		_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		batch := conn.ReadBatch(1, 16<<20)
		before := off
		for {
			m, err := batch.ReadMessage()
			if err != nil {
				break
			}
			out = append(out, m)
			off = m.Offset + 1
		}
		require.NoError(t, batch.Close())
		require.Greater(t, off, before, fmt.Sprintf("partition %d: no progress at offset %d of %d", p, off, last))
	}
	return out
}
