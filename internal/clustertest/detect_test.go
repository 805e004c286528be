package clustertest

import (
	"context"
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
	"github.com/credwatch/credwatch/observe"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/rules"
)

// detector is a running live detection service.
type detector struct{ reg *prometheus.Registry }

// metric sums every series of a counter or gauge.
func (d *detector) metric(name string) float64 { return observe.Totals(d.reg, name)[0] }

// startDetect runs live detection with the embedded rules until cleanup.
func startDetect(t *testing.T, cfg live.Config, w live.AlertWriter) *detector {
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	red, err := redact.New([]byte("cluster-test-key-0123456789"))
	require.NoError(t, err)
	cfg.SessionTimeout = 6 * time.Second
	sc := live.ServiceConfig{Live: cfg, Rules: rs, Redactor: red, Writer: w}
	sc.Engine.Baseline.Learning, sc.Engine.Window = 7*24*time.Hour, time.Hour
	d := &detector{reg: prometheus.NewRegistry()}
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan error, 1)
	go func() {
		exited <- live.RunService(ctx, sc, live.Deps{Log: quiet(), Metrics: d.reg, Health: health.New(time.Now), Clock: clock.Real{}})
	}()
	t.Cleanup(func() { cancel(); require.NoError(t, <-exited) })
	return d
}

// recorder keeps every alert update written.
type recorder struct {
	mu      sync.Mutex
	updates []detect.Update
}

func (r *recorder) Write(_ context.Context, updates []detect.Update) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.updates = append(r.updates, updates...)
	return nil
}

func (r *recorder) all() []detect.Update {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]detect.Update(nil), r.updates...)
}

// newAlerts are the new alerts by credential/rule.
func (r *recorder) newAlerts() map[string]*detect.Alert {
	out := map[string]*detect.Alert{}
	for _, u := range r.all() {
		if u.Kind == detect.UpdateNew {
			out[u.Alert.Credential+"/"+u.Alert.Rule] = u.Alert
		}
	}
	return out
}

// judged is how many events the detect group committed (after their
// alerts were written).
func (r *recorder) judged(_ *detector, broker string) int64 {
	c := &kafka.Client{Addr: kafka.TCP(broker)}
	got, err := c.OffsetFetch(context.Background(), &kafka.OffsetFetchRequest{GroupID: "credwatch-detect",
		Topics: map[string][]int{topic: {0, 1, 2, 3}}})
	if err != nil {
		return -1
	}
	var sum int64
	for _, p := range got.Topics[topic] {
		sum += max(p.CommittedOffset, 0)
	}
	return sum
}
