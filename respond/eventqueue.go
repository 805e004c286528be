package respond

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/credwatch/credwatch/event"
)

// errQueueFull is an emit refused because the event queue is full.
var errQueueFull = errors.New("response event queue full")

// BatchEmitter produces several events in one round trip
// (receiver.KafkaEmitter).
type BatchEmitter interface {
	EmitAll(ctx context.Context, evs ...event.Event) error
}

// EventQueue emits response.* events off the answering path: producing
// three events per alert synchronously held the next alert's answer for
// tens of milliseconds. A bounded queue drained by one goroutine in
// batches; a full queue refuses (the auditor counts it). The consume loop
// commits a batch's alerts only once Flush says their events were
// produced, so a crash loses none: the alerts are answered again.
type EventQueue struct {
	next   BatchEmitter
	queue  chan event.Event
	log    *slog.Logger
	queued atomic.Uint64 // events accepted by Emit

	mu      sync.Mutex
	handled uint64        // events produced, or dropped after a failed write
	changed chan struct{} // closed when handled grows
}

// NewEventQueue queues up to size events for next.
func NewEventQueue(next BatchEmitter, size int, log *slog.Logger) *EventQueue {
	return &EventQueue{next: next, queue: make(chan event.Event, size), log: log, changed: make(chan struct{})}
}

// Flush waits until every event queued before the call was handled.
func (q *EventQueue) Flush(ctx context.Context) error { return q.WaitFor(ctx, q.Mark()) }

// Mark is how many events were queued so far: WaitFor(mark) waits for them.
func (q *EventQueue) Mark() uint64 { return q.queued.Load() }

// WaitFor waits until the first target events queued were handled.
func (q *EventQueue) WaitFor(ctx context.Context, target uint64) error {
	for {
		q.mu.Lock()
		handled, changed := q.handled, q.changed
		q.mu.Unlock()
		if handled >= target {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Emit queues ev; it never waits.
func (q *EventQueue) Emit(_ context.Context, ev event.Event) error {
	select {
	case q.queue <- ev:
		q.queued.Add(1)
		return nil
	default:
		return errQueueFull
	}
}

// Run produces queued events until ctx ends, then what is still queued
// (for at most drainFor).
func (q *EventQueue) Run(ctx context.Context, drainFor time.Duration) {
	for {
		select {
		case ev := <-q.queue:
			q.produce(ctx, q.batch(ev))
		case <-ctx.Done():
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drainFor)
			defer cancel()
			for len(q.queue) > 0 && dctx.Err() == nil {
				q.produce(dctx, q.batch(<-q.queue))
			}
			return
		}
	}
}

// batch is first and whatever else is queued, up to 500 events.
func (q *EventQueue) batch(first event.Event) []event.Event {
	evs := []event.Event{first}
	for len(evs) < 500 {
		select {
		case ev := <-q.queue:
			evs = append(evs, ev)
		default:
			return evs
		}
	}
	return evs
}

func (q *EventQueue) produce(ctx context.Context, evs []event.Event) {
	if err := q.next.EmitAll(ctx, evs...); err != nil && ctx.Err() == nil {
		q.log.Warn("response events not produced", "events", len(evs), "err", err)
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.handled += uint64(len(evs))
	close(q.changed)
	q.changed = make(chan struct{})
}
