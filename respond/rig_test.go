package respond

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

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
