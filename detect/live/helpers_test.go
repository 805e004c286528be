package live_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/scenariotest"
	"github.com/credwatch/credwatch/observe"
	"github.com/credwatch/credwatch/redact"
	"github.com/credwatch/credwatch/rules"
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

// latestAlerts returns the latest revision of every alert written so far.
func (f *fakeWriter) latestAlerts() []*detect.Alert {
	f.mu.Lock()
	defer f.mu.Unlock()
	at := map[string]int{} // alert id → index in out
	var out []*detect.Alert
	for _, u := range f.updates {
		if i, ok := at[u.Alert.ID]; ok {
			out[i] = u.Alert
			continue
		}
		at[u.Alert.ID] = len(out)
		out = append(out, u.Alert)
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
	reg    *prometheus.Registry
	cancel context.CancelFunc
	exited chan struct{} // closed when RunService returned
	err    error         // what it returned
}

// stop ends the service and returns RunService's error.
func (s *service) stop() error {
	s.cancel()
	<-s.exited
	return s.err
}

// metric sums every series of a counter or gauge.
func (s *service) metric(name string) float64 { return observe.Totals(s.reg, name)[0] }

// startService runs live.RunService with the embedded rules until stopped.
func startService(t *testing.T, cfg live.Config, w live.AlertWriter) *service {
	t.Helper()
	return startServiceWith(t, live.ServiceConfig{Live: cfg, Writer: w})
}

// startServiceWith runs sc with the embedded rules, the test redaction
// key and a 7-day learning period.
func startServiceWith(t *testing.T, sc live.ServiceConfig) *service {
	t.Helper()
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	red, err := redact.New([]byte(scenariotest.RedactionKey))
	require.NoError(t, err)
	if sc.Live.SessionTimeout == 0 {
		sc.Live.SessionTimeout = 6 * time.Second
	}
	sc.Rules, sc.Redactor = rs, red
	sc.Engine.Baseline.Learning, sc.Engine.Window = 7*24*time.Hour, time.Hour
	logs := &syncBuffer{}
	reg := prometheus.NewRegistry()
	ctx, cancel := context.WithCancel(context.Background())
	s := &service{reg: reg, cancel: cancel, exited: make(chan struct{})}
	go func() {
		defer close(s.exited)
		s.err = live.RunService(ctx, sc,
			live.Deps{Log: slog.New(slog.NewTextHandler(logs, nil)), Metrics: reg, Health: health.New(time.Now),
				Clock: clock.Real{}})
	}()
	t.Cleanup(func() {
		_ = s.stop()
		if t.Failed() {
			t.Logf("service logs:\n%s", logs.String())
		}
	})
	return s
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
