package respond

import (
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/respond/delivery"
)

// Responder answers alerts: decides, records the intent durably, emits
// the audit events and hands deliverable intents to the dispatcher.
type Responder struct {
	decider *Decider
	outbox  *Outbox
	alerts  AlertPublisher
	audit   auditor
	deliver *deliverer
	clock   clock.Clock
	log     *slog.Logger
	metrics *Metrics

	mu         sync.Mutex
	seen       map[string]struct{} // intent ids known to exist (bounded)
	unrecorded map[string]Answer   // held answers whose recording failed, by intent id, for the retry
}

// AlertPublisher publishes an alert of respond's own (the circuit opened,
// a delivery failed); alertsink.Sink.Publish fits.
type AlertPublisher func(ctx context.Context, a *detect.Alert) error

// Parts are what a Responder is built from.
type Parts struct {
	Decider  *Decider
	Outbox   *Outbox
	Submit   Submitter // the dispatcher; its OnResult must call Responder.OnResult
	Events   Emitter   // nil: no response.* events
	Alerts   AlertPublisher
	Clock    clock.Clock
	Log      *slog.Logger
	Metrics  *Metrics
	MaxKnown int // intent ids remembered to skip an outbox read (default 100000)
}

// NewResponder wires the parts.
func NewResponder(p Parts) *Responder {
	r := &Responder{decider: p.Decider, outbox: p.Outbox, alerts: p.Alerts, clock: p.Clock, log: p.Log,
		metrics: p.Metrics, seen: map[string]struct{}{}, unrecorded: map[string]Answer{}}
	r.audit = auditor{emit: p.Events, log: p.Log, metrics: p.Metrics}
	r.deliver = &deliverer{outbox: p.Outbox, submit: p.Submit, audit: r.audit, now: p.Clock.Now, log: p.Log,
		metrics: p.Metrics, inflight: map[string]Intent{}, alarm: r.deliveryFailed}
	return r
}

// OnResult is the dispatcher's result callback.
func (r *Responder) OnResult(job delivery.Job, res delivery.Result) { r.deliver.onResult(job, res) }

// Handle answers one alert message. It returns an error only when the
// answer could not be made durable: the caller retries and must not commit.
func (r *Responder) Handle(ctx context.Context, msg kafka.Message) error {
	a, err := ParseAlert(msg.Value)
	if err != nil {
		r.metrics.badAlerts.Inc()
		r.log.Warn("alert skipped", "offset", msg.Offset, "partition", msg.Partition, "err", err)
		return nil
	}
	ans, err := r.decider.Decide(ctx, a, header(msg, alertsink.HeaderUpdate, detect.UpdateNew))
	if err != nil {
		return err
	}
	if ans.Intent == nil {
		r.metrics.decisions.WithLabelValues(ans.Decision.Action).Inc()
		r.audit.decision(ctx, ans, r.clock.Now())
		return nil
	}
	if known, err := r.known(ctx, *ans.Intent); err != nil || known {
		return err
	}
	r.mu.Lock()
	prev, retry := r.unrecorded[ans.Intent.ID]
	r.mu.Unlock()
	if retry {
		ans = prev // the guard counted it when first tried: the retry answers the same
	} else {
		r.decider.Hold(&ans)
	}
	if err := r.record(ctx, ans); err != nil {
		r.mu.Lock()
		r.unrecorded[ans.Intent.ID] = ans
		r.mu.Unlock()
		return err
	}
	return nil
}

// record makes a new intent durable, then audits and delivers it.
func (r *Responder) record(ctx context.Context, ans Answer) error {
	in := *ans.Intent
	ins := []Intent{in}
	if Deliverable(in.State) {
		ins = append(ins, in.next(StateDelivering, ByRespond, "", in.At))
	}
	if err := r.outbox.Record(ctx, ins...); err != nil {
		return err
	}
	r.remember(in.ID)
	r.metrics.decisions.WithLabelValues(ans.Decision.Action).Inc()
	for _, t := range ins {
		r.metrics.transitions.WithLabelValues(t.State).Inc()
	}
	if len(ins) == 2 {
		r.deliver.start(ins[1])
	}
	r.audit.decision(ctx, ans, in.At)
	r.audit.transitions(ctx, ins...)
	if ans.CircuitOpened {
		r.circuitOpened(ctx, in, ans.Decision.Reason)
	}
	return nil
}

func header(msg kafka.Message, key, fallback string) string {
	for _, h := range msg.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return fallback
}

// known reports whether in's id is already in the outbox.
func (r *Responder) known(ctx context.Context, in Intent) (bool, error) {
	r.mu.Lock()
	_, ok := r.seen[in.ID]
	r.mu.Unlock()
	if !ok {
		_, found, err := r.outbox.Get(ctx, in.Tenant, in.ID)
		if err != nil {
			return false, fmt.Errorf("outbox lookup: %w", err)
		}
		ok = found
	}
	if ok {
		r.metrics.duplicates.Inc()
		r.remember(in.ID)
	}
	return ok, nil
}

func (r *Responder) remember(id string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.seen) >= 100000 {
		clear(r.seen)
	}
	r.seen[id] = struct{}{}
	delete(r.unrecorded, id)
}
