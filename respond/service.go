package respond

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"sync"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/respond/delivery"
	"github.com/credwatch/credwatch/respond/policy"
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
	ids        *knownIntents       // intent ids in the outbox
	unrecorded map[string]Answer   // held answers whose recording failed, by intent id, for the retry
	past       map[string]struct{} // intent ids past approval, never escalated (see markPastApproval)
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
		metrics: p.Metrics, ids: newKnownIntents(cmp.Or(p.MaxKnown, 100000)), unrecorded: map[string]Answer{}}
	r.audit = auditor{emit: p.Events, log: p.Log, metrics: p.Metrics}
	r.deliver = &deliverer{outbox: p.Outbox, submit: p.Submit, audit: r.audit, now: p.Clock.Now, log: p.Log,
		metrics: p.Metrics, inflight: map[string]Intent{}, alarm: r.deliveryFailed, held: r.killed}
	return r
}

// killed reports whether in is an automatic revocation the kill switch
// holds: not handed to the dispatcher while it is on (one an analyst
// approved goes). Those already handed on before it was flipped still go.
func (r *Responder) killed(in Intent) bool {
	return in.Action == ActionRevoke && in.Decision == policy.ActionAuto && r.decider.Guard.Killed()
}

// OnResult is the dispatcher's result callback.
func (r *Responder) OnResult(job delivery.Job, res delivery.Result) { r.deliver.onResult(job, res) }

func header(msg kafka.Message, key, fallback string) string {
	for _, h := range msg.Headers {
		if h.Key == key {
			return string(h.Value)
		}
	}
	return fallback
}

// known reports whether in's id is already in the outbox, reading the
// outbox only when the known set cannot tell or an insert of it failed.
func (r *Responder) known(ctx context.Context, in Intent) (bool, error) {
	ok, sure := r.ids.has(in.ID, r.clock.Now())
	r.mu.Lock()
	_, failed := r.unrecorded[in.ID] // its failed insert may have landed
	r.mu.Unlock()
	if !sure || failed {
		found, err := r.outbox.Exists(ctx, in.Tenant, in.ID)
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

// pollKnown brings the known set up to date with every instance's intents.
func (r *Responder) pollKnown(ctx context.Context) {
	if err := r.ids.poll(ctx, r.outbox, r.clock.Now()); err != nil && ctx.Err() == nil {
		r.log.Warn("known intents not polled; new intents are looked up in the outbox", "err", err)
	}
}

func (r *Responder) remember(id string) {
	r.ids.add(id)
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.unrecorded, id)
}
