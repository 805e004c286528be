package respond

import (
	"context"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/credwatch/credwatch/respond/delivery"
)

// Submitter queues a delivery job (a *delivery.Dispatcher).
type Submitter interface {
	Submit(job delivery.Job) bool
}

// deliverer hands deliverable intents to the dispatcher, once each while
// in flight, and records every attempt's result as a transition.
type deliverer struct {
	outbox   *Outbox
	submit   Submitter
	audit    auditor
	alarm    func(ctx context.Context, in Intent, res delivery.Result) // a failure worth an alert
	held     func(in Intent) bool                                      // not handed on now (the kill switch); resume offers it again
	now      func() time.Time
	log      *slog.Logger
	metrics  *Metrics
	mu       sync.Mutex
	inflight map[string]Intent
	settled  map[string]struct{} // intents this process saw to a final state (bounded)
}

// start queues in (already recorded as delivering) unless it is in flight
// or settled.
func (d *deliverer) start(in Intent) {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, busy := d.inflight[in.ID]
	if _, done := d.settled[in.ID]; busy || done || (d.held != nil && d.held(in)) {
		return
	}
	job := delivery.Job{ID: in.ID, Tenant: in.Tenant, Body: in.Payload, Attempt: int(in.Attempt), Created: in.Created}
	if d.submit.Submit(job) {
		d.inflight[in.ID] = in
	} // else: the queue is full; resume offers it again
}

// onResult records one attempt's result (called from the job's lane).
func (d *deliverer) onResult(job delivery.Job, res delivery.Result) {
	d.mu.Lock()
	in, ok := d.inflight[job.ID]
	d.mu.Unlock()
	if !ok {
		return
	}
	state, detail := StateDelivering, res.Outcome.String()+" "+strconv.Itoa(res.Code)+" "+res.Detail
	switch res.Outcome {
	case delivery.Delivered:
		state = StateDelivered
	case delivery.Failed, delivery.Disabled:
		state = StateFailed
	}
	next := in.next(state, ByRespond, detail, d.now().UTC())
	next.Attempt = uint32(job.Attempt)
	ctx := context.Background()
	if err := d.outbox.Record(ctx, next); err != nil {
		d.log.Error("delivery result not recorded; the intent is retried after a restart", "intent", in.ID, "state", state, "err", err)
	}
	d.metrics.transitions.WithLabelValues(state).Inc()
	d.audit.transitions(ctx, next)
	d.mu.Lock()
	if state == StateDelivering {
		d.inflight[job.ID] = next
	} else {
		delete(d.inflight, job.ID)
		if d.settled == nil || len(d.settled) >= 100000 {
			d.settled = map[string]struct{}{}
		}
		d.settled[job.ID] = struct{}{} // a resume that read the outbox before this result must not resend it
	}
	d.mu.Unlock()
	if state == StateFailed && d.alarm != nil {
		d.alarm(ctx, next, res)
	}
}

// resume offers every deliverable intent not in flight: at start (a
// restart resumes undelivered intents) and after approvals.
func (d *deliverer) resume(ctx context.Context) error {
	ins, err := d.outbox.List(ctx, Filter{States: []string{StateAuto, StateApproved, StateDelivering}, Limit: 10000})
	if err != nil {
		return err
	}
	for _, in := range ins {
		if in.DryRun || d.inFlight(in.ID) {
			continue
		}
		if in.State != StateDelivering {
			in = in.next(StateDelivering, ByRespond, "", d.now().UTC())
			if err := d.outbox.Record(ctx, in); err != nil {
				return err
			}
			d.audit.transitions(ctx, in)
		}
		d.start(in)
	}
	return nil
}

// inFlight reports whether id is being delivered, or was settled since.
func (d *deliverer) inFlight(id string) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	_, ok := d.inflight[id]
	_, done := d.settled[id]
	return ok || done
}
