package live_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/internal/testenv"
)

// TestFigureAlertLatency measures event→alert latency from the moment an
// event is produced to the moment its alert update is written, over 20,000
// off-platform uses of 200 Space tokens (every event updates an alert),
// produced at 5,000 events/s — about half of what the detector judges on
// the project VM (TestFigureThroughput) — to an in-process broker with 4
// partitions. It prints figures; it asserts only that every update arrived.
func TestFigureAlertLatency(t *testing.T) {
	testenv.SkipFigureIfShort(t)
	const total, tokens, perTick = 20000, 200, 50
	brokers := newKafka(t)
	w := &fakeWriter{}
	s := startService(t, live.Config{Brokers: brokers}, w) // default batching: 1000 messages or 10 ms
	// Let the group settle before the clock starts.
	produceKeyed(t, brokers, []use{{id: "warmup", token: "tok-warmup", asn: 1, at: time.Now()}}, nil)
	testenv.Eventually(t, 60*time.Second, "the group joined", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == 1
	})
	began := time.Now()
	producedAt := producePaced(t, brokers, total, tokens, perTick, 10*time.Millisecond)
	rate := float64(total) / time.Since(began).Seconds()
	testenv.Eventually(t, 120*time.Second, "every update written", func() bool { return w.count() == total })

	w.mu.Lock()
	lat := make([]time.Duration, 0, total)
	for i, u := range w.updates {
		lat = append(lat, w.written[i].Sub(producedAt[u.Alert.EventIDs[len(u.Alert.EventIDs)-1]]))
	}
	w.mu.Unlock()
	slices.Sort(lat)
	q := func(p float64) time.Duration { return lat[int(p*float64(len(lat)-1))].Round(100 * time.Microsecond) }
	t.Logf("figure: event→alert latency (produce→written), %d events produced at %.0f/s, 4 partitions, kfake: "+
		"p50 %s  p90 %s  p99 %s  max %s", total, rate, q(0.50), q(0.90), q(0.99), q(1))
	require.Equal(t, float64(total+1), s.metric("credwatch_detect_events_total"))
	require.NoError(t, s.stop())
}

// producePaced produces total off-platform uses of tokens Space tokens,
// perTick every tick, and returns when each was produced by event id.
func producePaced(t *testing.T, brokers []string, total, tokens, perTick int, tick time.Duration) map[string]time.Time {
	kw := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: perTick, BatchTimeout: time.Millisecond}
	defer kw.Close()
	at := make(map[string]time.Time, total)
	ticker := time.NewTicker(tick) // pacing the producer, not waiting for a result
	defer ticker.Stop()
	start := time.Now().Add(-time.Hour)
	for sent := 0; sent < total; sent += perTick {
		<-ticker.C
		now := time.Now()
		msgs := make([]kafka.Message, perTick)
		for i := range msgs {
			n := sent + i
			u := use{id: fmt.Sprintf("lat-%d", n), token: fmt.Sprintf("tok-lat-%03d", n%tokens),
				workload: "space:acme/app", asn: 9009, at: start.Add(time.Duration(n) * time.Millisecond)}
			msgs[i] = kafka.Message{Key: []byte(u.token), Value: u.json(), Time: now}
			at[u.id] = now
		}
		require.NoError(t, kw.WriteMessages(context.Background(), msgs...))
	}
	return at
}

// TestFigureThroughput measures how fast a backlog is judged: 20,000
// off-platform uses produced at once, from the start of producing to the
// last update written (prints figures; asserts only completeness).
func TestFigureThroughput(t *testing.T) {
	testenv.SkipFigureIfShort(t)
	const total, tokens = 20000, 200
	brokers := newKafka(t)
	w := &fakeWriter{}
	s := startService(t, live.Config{Brokers: brokers}, w)
	produceKeyed(t, brokers, []use{{id: "warmup", token: "tok-warmup", asn: 1, at: time.Now()}}, nil)
	testenv.Eventually(t, 60*time.Second, "the group joined", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == 1
	})
	began := time.Now()
	producePaced(t, brokers, total, tokens, 2000, time.Microsecond)
	testenv.Eventually(t, 120*time.Second, "every update written", func() bool { return w.count() == total })
	w.mu.Lock()
	took := w.written[len(w.written)-1].Sub(began)
	w.mu.Unlock()
	t.Logf("figure: backlog of %d events (each an alert update) produced and judged in %.2f s: %.0f events/s, 4 partitions, kfake",
		total, took.Seconds(), total/took.Seconds())
	require.NoError(t, s.stop())
}
