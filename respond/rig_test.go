package respond

import (
	"context"
	"maps"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/respond/delivery"
	"github.com/credwatch/credwatch/respond/webhook"
	"github.com/credwatch/credwatch/store"
)

// env is what outlives one Responder: ClickHouse, the clock, the receiver.
type env struct {
	st  *store.Store
	clk *testClock
	rcv *testReceiver
}

func newEnv(t *testing.T) *env {
	clk := newClock()
	return &env{st: newStore(t), clk: clk, rcv: newReceiver(t, clk, nil)}
}

// rig is one running Responder: a real Dispatcher and Sender signing with
// webhook.SetHeaders, posting to the env's receiver.
type rig struct {
	*Responder
	env    *env
	ctx    context.Context
	alerts *published
	events *emitted
	disp   *delivery.Dispatcher
	dead   atomic.Bool // set by kill: results arriving after it are lost
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

// fastBackoff retries after 1 s, 2 s, then every 4 s (test clock).
var fastBackoff = delivery.Backoff{Base: time.Second, Max: 4 * time.Second, Rand: func() float64 { return 1 }}

// responder builds and starts a Responder on st (e.st when nil).
func (e *env) responder(t *testing.T, g Guardrails, st Store) *rig {
	x := e.idle(t, g, st)
	x.run()
	return x
}

// idle builds a Responder whose dispatcher queues jobs until run.
func (e *env) idle(t *testing.T, g Guardrails, st Store) *rig {
	if st == nil {
		st = e.st
	}
	x := &rig{env: e, alerts: &published{}, events: &emitted{}}
	x.ctx, x.cancel = context.WithCancel(context.Background())
	sign := delivery.SignerFunc(func(h http.Header, id string, ts time.Time, body []byte) {
		webhook.SetHeaders(h, []webhook.Secret{testSecret}, id, ts, body)
	})
	sender := &delivery.Sender{Client: delivery.NewHTTPClient(10 * time.Second), Now: e.clk.Now,
		Endpoints: delivery.Endpoints{Default: delivery.Endpoint{URL: e.rcv.URL, Signer: sign}}}
	x.disp = delivery.NewDispatcher(delivery.Config{Sender: sender, Backoff: fastBackoff, Clock: e.clk,
		OnResult: func(j delivery.Job, res delivery.Result) {
			if !x.dead.Load() {
				x.OnResult(j, res)
			}
		}})
	x.Responder = NewResponder(Parts{Decider: &Decider{Policy: testPolicy(t), Guard: NewGuard(g), Now: e.clk.Now},
		Outbox: NewOutbox(st), Submit: x.disp, Events: x.events, Alerts: x.alerts.publish, Clock: e.clk,
		Log: discardLog(), Metrics: NewMetrics(nil)})
	t.Cleanup(x.kill)
	return x
}

// run starts delivering.
func (x *rig) run() { x.wg.Go(func() { _ = x.disp.Run(x.ctx) }) }

// startWatch runs the watch loop (controls, approvals, resume) until kill.
func (x *rig) startWatch() {
	x.wg.Go(func() { x.watch(x.ctx, NewControls(x.env.st, x.env.clk.Now), pollEvery, 24*time.Hour) })
}

// kill stops the Responder as kill -9 would: nothing it learns afterwards
// reaches the outbox.
func (x *rig) kill() {
	x.dead.Store(true)
	x.cancel()
	x.wg.Wait()
}

// handle answers each message, requiring it to be made durable.
func (x *rig) handle(t *testing.T, msgs ...kafka.Message) {
	t.Helper()
	for _, m := range msgs {
		require.NoError(t, x.Handle(x.ctx, m))
	}
}

// intents are the intents as they stand, newest first.
func (e *env) intents(t *testing.T, f Filter) []Intent {
	t.Helper()
	f.Limit = 100000
	ins, err := NewOutbox(e.st).List(context.Background(), f)
	require.NoError(t, err)
	return ins
}

// states counts intents by state.
func (e *env) states(t *testing.T) map[string]int {
	out := map[string]int{}
	for _, in := range e.intents(t, Filter{}) {
		out[in.State]++
	}
	return out
}

// waitStates waits until the intents are in exactly these states.
func (e *env) waitStates(t *testing.T, want map[string]int) {
	t.Helper()
	var got map[string]int
	ok := func() bool { got = e.states(t); return maps.Equal(got, want) }
	if !eventually(30*time.Second, ok) {
		require.Equal(t, want, got, "intents by state")
	}
}

// history is an intent's transitions as recorded: "seq state by".
func (e *env) history(t *testing.T, id string) []string {
	t.Helper()
	rows, err := e.st.Conn().Query(context.Background(), `SELECT toString(seq) || ' ' || state || ' ' || by
		FROM response_intents WHERE intent_id = ? ORDER BY seq`, id)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		require.NoError(t, rows.Scan(&s))
		out = append(out, s)
	}
	return out
}

// published records respond's own alerts.
type published struct {
	mu  sync.Mutex
	all []*detect.Alert
}

func (p *published) publish(_ context.Context, a *detect.Alert) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.all = append(p.all, a)
	return nil
}

func (p *published) rules() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []string
	for _, a := range p.all {
		out = append(out, a.Rule)
	}
	return out
}

// emitted records respond's response.* events.
type emitted struct {
	mu  sync.Mutex
	all []event.Event
}

func (e *emitted) Emit(_ context.Context, ev event.Event) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.all = append(e.all, ev)
	return nil
}

// eventually polls cond every 20 ms until it holds or timeout passes,
// and reports whether it held (testenv.Eventually, without failing).
func eventually(timeout time.Duration, cond func() bool) bool {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(timeout)
	for !cond() {
		select {
		case <-deadline:
			return cond()
		case <-tick.C:
		}
	}
	return true
}

// value is a counter's or gauge's value.
func value(t *testing.T, m prometheus.Metric) float64 {
	var d dto.Metric
	require.NoError(t, m.Write(&d))
	return d.GetCounter().GetValue() + d.GetGauge().GetValue()
}
