package live_test

import (
	"context"
	"crypto/rand"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/kafkatopic"
	"github.com/credwatch/credwatch/internal/scenariotest"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/store"
)

const published = "credwatch.events.decoded"

// TestDetectionReadsWhatIngestPublished: producers key the events topic at
// random; ingest stores the events and publishes their wire form keyed by
// principal; detection reads that topic (no re-key stage, no second
// decode) and raises exactly the alerts it raises reading the events topic
// through its own re-key stage. Two traffic shapes: tokens stolen late in
// their history, and every other token stolen early.
func TestDetectionReadsWhatIngestPublished(t *testing.T) {
	ch := testenv.ClickHouse(t)
	brokers := newKafka(t)
	now := time.Now()
	late, stolenLate := spaceTraffic("late", 24, 4, now.Add(-2*time.Hour))
	early, stolenEarly := spaceTraffic("early", 11, 2, now.Add(-time.Hour))
	uses := append(late, early...)
	produceKeyed(t, brokers, uses, func(use) string { return rand.Text() })
	runPublishingIngest(t, brokers, ch.DSN("credwatch"))
	testenv.Eventually(t, 60*time.Second, "ingest stored and published every event", func() bool {
		return stored(ch.DSN("credwatch")) == len(uses) // before detection: ingest creates the topic
	})
	testenv.Eventually(t, 60*time.Second, "every stored event published", func() bool {
		n := 0
		for _, m := range readAll(t, brokers[0], published) {
			evs, err := event.DecodeWireMessage(m.Value)
			require.NoError(t, err)
			n += len(evs)
		}
		return n == len(uses)
	})

	fromIngest, viaRekey := &fakeWriter{}, &fakeWriter{}
	s := startService(t, live.Config{Brokers: brokers, Topic: published, FromIngest: true}, fromIngest)
	r := startService(t, live.Config{Brokers: brokers, Rekey: true, Group: "credwatch-detect-rekeyed"}, viaRekey)
	frames := int64(len(readAll(t, brokers[0], published))) // ingest publishes frames of events
	require.Less(t, frames, int64(len(uses)))
	testenv.Eventually(t, 90*time.Second, "every published event judged and committed", func() bool {
		return committed(t, brokers[0], "credwatch-detect", published) == frames &&
			committed(t, brokers[0], "credwatch-detect-rekeyed", rekeyTopic) == int64(len(uses))
	})
	for _, m := range readAll(t, brokers[0], published) {
		require.NotEmpty(t, m.Headers, "a wire frame")
	}
	for cred, ps := range partitionsByKey(t, readAll(t, brokers[0], published)) {
		require.Len(t, ps, 1, "credential %s is in one partition", cred)
	}
	alerts := fromIngest.newAlerts()
	require.Len(t, alerts, len(stolenLate)+len(stolenEarly))
	for tok := range stolenLate {
		require.Contains(t, alerts, tok+"/workload_token_off_platform")
	}
	for tok := range stolenEarly {
		require.Contains(t, alerts, tok+"/workload_token_off_platform")
	}
	require.Equal(t, keysOf(viaRekey.newAlerts()), keysOf(alerts))
	require.Zero(t, s.metric("credwatch_detect_decode_failures_total"))
	require.NoError(t, s.stop())
	require.NoError(t, r.stop())
}

// TestWireFormIsTrustedOnlyFromCredwatch: a producer that writes the wire
// form with its header to the events topic does not get past the decoder
// (its event could hold what redaction would have removed); the same message
// on a topic marked --from-ingest is read as it is.
func TestWireFormIsTrustedOnlyFromCredwatch(t *testing.T) {
	brokers := newKafka(t)
	uses, stolen := spaceTraffic("forged", 6, 3, time.Now().Add(-time.Hour))
	red, err := redact.New([]byte(scenariotest.RedactionKey))
	require.NoError(t, err)
	dec := decode.New(red, time.Now, decode.DefaultLimits())
	msgs := make([]kafka.Message, len(uses))
	for i, u := range uses {
		ev, err := dec.Decode(u.json())
		require.NoError(t, err)
		msgs[i] = kafkatopic.WireMessage(&ev, time.Now())
	}
	produceMessages(t, brokers, msgs)
	w := &fakeWriter{}
	s := startService(t, live.Config{Brokers: brokers}, w)
	testenv.Eventually(t, 60*time.Second, "every forged message counted", func() bool {
		return s.metric("credwatch_detect_decode_failures_total") == float64(len(uses))
	})
	require.Empty(t, w.newAlerts(), "nothing judged")
	require.NoError(t, s.stop())

	trusted := &fakeWriter{}
	s = startService(t, live.Config{Brokers: brokers, FromIngest: true, Group: "credwatch-detect-trusting"}, trusted)
	testenv.Eventually(t, 60*time.Second, "every stolen token alerted", func() bool {
		return len(trusted.newAlerts()) == len(stolen)
	})
	require.NoError(t, s.stop())
}

func keysOf[V any](m map[string]V) map[string]bool {
	out := map[string]bool{}
	for k := range m {
		out[k] = true
	}
	return out
}

// runPublishingIngest runs ingest on the events topic with --publish-topic
// until the test ends.
func runPublishingIngest(t *testing.T, brokers []string, dsn string) {
	red, err := redact.New([]byte(scenariotest.RedactionKey))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- ingest.RunService(ctx, ingest.ServiceConfig{
			Pipeline:      ingest.Config{Topic: topic, BatchTimeout: 50 * time.Millisecond},
			Kafka:         ingest.KafkaConfig{Brokers: brokers, Group: "credwatch-ingest", SessionTimeout: 6 * time.Second},
			ClickHouseDSN: dsn, Migrate: true, Redactor: red, PublishTopic: published,
		}, ingest.Deps{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Metrics: prometheus.NewRegistry(),
			Health: health.New(time.Now), Clock: clock.Real{}})
	}()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
}

// stored is how many distinct events ingest stored (0 while it cannot say).
func stored(dsn string) int {
	st, err := store.Open(context.Background(), dsn, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		return 0
	}
	defer st.Close()
	var n uint64
	if err := st.Conn().QueryRow(context.Background(), "SELECT uniqExact(id) FROM events").Scan(&n); err != nil {
		return 0
	}
	return int(n)
}
