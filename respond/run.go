package respond

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/retry"
)

// Fetcher reads and commits alert messages (a *kafka.Reader in a group).
type Fetcher interface {
	FetchMessage(ctx context.Context) (kafka.Message, error)
	CommitMessages(ctx context.Context, msgs ...kafka.Message) error
}

// Deps are the shared parts of a process.
type Deps struct {
	Log     *slog.Logger
	Metrics prometheus.Registerer
	Health  *health.Registry
	Clock   clock.Clock
}

// consume answers alerts in order, a batch of those already fetched at a
// time; a failure to record is retried, never skipped. A batch's offsets
// are committed, in order and off the answering path, once its answers are
// durable and its response.* events produced.
func (r *Responder) consume(ctx context.Context, f Fetcher, h *health.Registry) error {
	rt := retry.Retrier{Clock: r.clock, Health: h, Log: r.log, Max: 5 * time.Second}
	ctx, stop := context.WithCancel(ctx)
	r.pollKnown(ctx)
	fetched, fetchErr := readAhead(ctx, f)
	commits := make(chan pendingCommit, 64)
	var wg sync.WaitGroup
	wg.Go(func() { r.commitInOrder(ctx, f, rt, commits) })
	defer wg.Wait()
	defer stop() // the committer stops too: what it did not commit is answered again after a restart
	for {
		msgs, err := nextBatch(ctx, fetched, fetchErr)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		if err := rt.Do(ctx, "respond", 0, func(ctx context.Context) error { return r.HandleBatch(ctx, msgs) }); err != nil {
			return nil // ctx ended: the alerts are answered again after a restart
		}
		select {
		case commits <- pendingCommit{msgs: msgs, events: r.eventsBarrier()}:
		case <-ctx.Done():
			return nil
		}
	}
}

// pendingCommit is an answered batch waiting for its events.
type pendingCommit struct {
	msgs   []kafka.Message
	events func(context.Context) error
}

// commitInOrder commits each batch once its events are produced.
func (r *Responder) commitInOrder(ctx context.Context, f Fetcher, rt retry.Retrier, commits <-chan pendingCommit) {
	for {
		var c pendingCommit
		select {
		case c = <-commits:
		case <-ctx.Done():
			return
		}
		if c.events(ctx) != nil {
			return // ctx ended
		}
		if err := rt.Do(ctx, "commit", 5, func(ctx context.Context) error { return f.CommitMessages(ctx, c.msgs...) }); err != nil && ctx.Err() == nil {
			r.log.Warn("alert offsets not committed; their answers are durable and a replay is a duplicate", "err", err)
		}
	}
}

// eventsBarrier is a wait for the response.* events queued so far, when
// the emitter queues them (EventQueue).
func (r *Responder) eventsBarrier() func(context.Context) error {
	q, ok := r.audit.emit.(interface {
		Mark() uint64
		WaitFor(ctx context.Context, mark uint64) error
	})
	if !ok {
		return func(context.Context) error { return nil }
	}
	mark := q.Mark()
	return func(ctx context.Context) error { return q.WaitFor(ctx, mark) }
}

// watch polls the operator controls and the outbox: the kill switch,
// approved intents to deliver, proposals past their approval window.
func (r *Responder) watch(ctx context.Context, c *Controls, every, approvalTTL time.Duration) {
	for {
		if on, err := c.KillSwitch(ctx); err == nil {
			if on != r.decider.Guard.Killed() {
				r.log.Warn("kill switch flipped", "on", on)
			}
			r.decider.Guard.SetKilled(on)
			r.metrics.killSwitch.Set(map[bool]float64{true: 1}[on])
		}
		r.pollKnown(ctx)
		if err := r.deliver.resume(ctx); err != nil && ctx.Err() == nil {
			r.log.Warn("outbox poll failed", "err", err)
		}
		if err := r.expire(ctx, approvalTTL); err != nil && ctx.Err() == nil {
			r.log.Warn("expiring proposals failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-r.clock.After(every):
		}
	}
}

// expire closes proposals no analyst answered within ttl.
func (r *Responder) expire(ctx context.Context, ttl time.Duration) error {
	ins, err := r.outbox.List(ctx, Filter{States: []string{StateProposed}, Limit: 10000})
	if err != nil {
		return err
	}
	now := r.clock.Now().UTC()
	var out []Intent
	for _, in := range ins {
		if now.Sub(in.Created) > ttl {
			out = append(out, in.next(StateExpired, ByRespond, "no approval within "+ttl.String(), now))
		}
	}
	if err := r.outbox.Record(ctx, out...); err != nil || len(out) == 0 {
		return err
	}
	r.audit.transitions(ctx, out...)
	return nil
}
