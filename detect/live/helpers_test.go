package live_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/observe"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/rules"
)

const (
	topic      = "credwatch.events"
	rekeyTopic = "credwatch.events.by-credential"
	partitions = 4
)

// use is a successful token.use of tok at at from asn (internal: from the
// platform's own network); workload binds the token to a Space.
type use struct {
	id, token, workload string
	asn                 uint32
	internal            bool
	at                  time.Time
}

// json is the event as a producer sends it (contract v1).
func (u use) json() []byte {
	wl := ""
	if u.workload != "" {
		wl = fmt.Sprintf(`,"workload":%q`, u.workload)
	}
	return fmt.Appendf(nil, `{"id":%q,"time":%q,"action":"token.use","tenant":"acme",`+
		`"actor":{"id":"actor-%s","type":"user","tenants":["acme"]},"token":{"id":%q,"kind":"fine_grained"%s},`+
		`"source":{"ip":"203.0.113.7","asn":%d,"as_org":"AS%d","country":"US","internal":%t}}`,
		u.id, u.at.UTC().Format(time.RFC3339Nano), u.token, u.token, wl, u.asn, u.asn, u.internal)
}

// produceKeyed writes uses to topic keyed by credential (as package produce
// does), with keyOf overriding the key when set.
func produceKeyed(t testing.TB, brokers []string, uses []use, keyOf func(use) string) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: 1000, BatchTimeout: time.Millisecond}
	defer w.Close()
	msgs := make([]kafka.Message, len(uses))
	for i, u := range uses {
		key := u.token
		if keyOf != nil {
			key = keyOf(u)
		}
		msgs[i] = kafka.Message{Key: []byte(key), Value: u.json()}
	}
	require.NoError(t, w.WriteMessages(context.Background(), msgs...))
}

// fakeWriter records updates; it fails its first failures calls, calling
// onFail with the updates during each.
type fakeWriter struct {
	mu       sync.Mutex
	failures int
	onFail   func([]detect.Update)
	calls    int
	updates  []detect.Update
	written  []time.Time
}

func (f *fakeWriter) Write(_ context.Context, updates []detect.Update) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.calls <= f.failures {
		if f.onFail != nil {
			f.onFail(updates)
		}
		return fmt.Errorf("sink unavailable (call %d)", f.calls)
	}
	now := time.Now()
	for _, u := range updates {
		f.updates = append(f.updates, u)
		f.written = append(f.written, now)
	}
	return nil
}

// newAlerts returns the new alerts written so far, by credential and rule.
func (f *fakeWriter) newAlerts() map[string]*detect.Alert {
	f.mu.Lock()
	defer f.mu.Unlock()
	out := map[string]*detect.Alert{}
	for _, u := range f.updates {
		if u.Kind == detect.UpdateNew {
			out[u.Alert.Credential+"/"+u.Alert.Rule] = u.Alert
		}
	}
	return out
}

func (f *fakeWriter) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.updates)
}

// service is one running live detector.
type service struct {
	reg  *prometheus.Registry
	stop func() error
}

// metric sums every series of a counter or gauge.
func (s *service) metric(name string) float64 { return observe.Totals(s.reg, name)[0] }

// startService runs live.RunService with the embedded rules until stopped.
func startService(t *testing.T, cfg live.Config, w live.AlertWriter) *service {
	t.Helper()
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	red, err := redact.New([]byte("live-test-redaction-key-0123456789"))
	require.NoError(t, err)
	if cfg.SessionTimeout == 0 {
		cfg.SessionTimeout = 6 * time.Second
	}
	logs := &syncBuffer{}
	reg := prometheus.NewRegistry()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- live.RunService(ctx, live.ServiceConfig{Live: cfg, Rules: rs, Redactor: red, Writer: w,
			Engine: detect.Config{Baseline: detect.BaselineConfig{Learning: 7 * 24 * time.Hour}, Window: time.Hour}},
			live.Deps{Log: slog.New(slog.NewTextHandler(logs, nil)), Metrics: reg, Health: health.New(time.Now),
				Clock: clock.Real{}})
	}()
	var once sync.Once
	var runErr error
	s := &service{reg: reg, stop: func() error {
		once.Do(func() { cancel(); runErr = <-done })
		return runErr
	}}
	t.Cleanup(func() {
		_ = s.stop()
		if t.Failed() {
			t.Logf("service logs:\n%s", logs.String())
		}
	})
	return s
}

// committed sums the group's committed offsets on topic.
func committed(t testing.TB, broker, group, topic string) int64 {
	var sum int64
	for _, off := range committedByPartition(t, broker, group, topic) {
		sum += off
	}
	return sum
}

// committedByPartition is the group's next offset to read per partition (0
// when nothing is committed).
func committedByPartition(t testing.TB, broker, group, topic string) map[int]int64 {
	out, err := fetchCommitted(broker, group, topic)
	require.NoError(t, err)
	return out
}

// fetchCommitted is committedByPartition for use off the test goroutine.
func fetchCommitted(broker, group, topic string) (map[int]int64, error) {
	c := &kafka.Client{Addr: kafka.TCP(broker)}
	got, err := c.OffsetFetch(context.Background(), &kafka.OffsetFetchRequest{GroupID: group,
		Topics: map[string][]int{topic: {0, 1, 2, 3}}})
	if err != nil {
		return nil, err
	}
	out := map[int]int64{}
	for _, p := range got.Topics[topic] {
		out[p.Partition] = max(p.CommittedOffset, 0)
	}
	return out, nil
}

// readAll reads every message of topic's partitions.
func readAll(t testing.TB, broker, topic string) []kafka.Message {
	ctx := context.Background()
	c := &kafka.Client{Addr: kafka.TCP(broker)}
	reqs := []kafka.OffsetRequest{kafka.LastOffsetOf(0), kafka.LastOffsetOf(1), kafka.LastOffsetOf(2), kafka.LastOffsetOf(3)}
	ends, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	require.NoError(t, err)
	var out []kafka.Message
	for _, po := range ends.Topics[topic] {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{broker}, Topic: topic, Partition: po.Partition,
			MaxWait: 100 * time.Millisecond})
		for range po.LastOffset {
			m, err := r.ReadMessage(ctx)
			require.NoError(t, err)
			out = append(out, m)
		}
		r.Close()
	}
	return out
}

// newKafka starts a broker with the events topic (the re-key stage creates its own).
func newKafka(t *testing.T) []string {
	return testenv.Kafka(t, partitions, topic).ListenAddrs()
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

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// partitionsByKey maps each message's credential (its token id) to the
// partitions holding its messages.
func partitionsByKey(t testing.TB, msgs []kafka.Message) map[string]map[int]bool {
	out := map[string]map[int]bool{}
	for _, m := range msgs {
		var ev struct{ Token struct{ ID string } }
		require.NoError(t, json.Unmarshal(m.Value, &ev))
		if out[ev.Token.ID] == nil {
			out[ev.Token.ID] = map[int]bool{}
		}
		out[ev.Token.ID][m.Partition] = true
	}
	return out
}
