package delivery

import (
	"context"
	"fmt"
	"time"
)

// Reasons a retryable job is given up.
const (
	giveUpMaxAttempts = "max_attempts"
	giveUpExpired     = "expired"
)

// deliver makes attempts at q's job until it is settled or ctx (Run's) ends.
func (d *Dispatcher) deliver(ctx context.Context, q queued) {
	job := q.job
	for {
		job.Attempt++
		res := d.attempt(ctx, job)
		res, done := d.settle(ctx, job, res, q.start)
		if d.cfg.OnResult != nil {
			d.cfg.OnResult(job, res)
		}
		if done {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-d.cfg.Clock.After(d.cfg.Backoff.Delay(job.Attempt, res.RetryAfter)):
		}
	}
}

// attempt makes one attempt and counts it.
func (d *Dispatcher) attempt(ctx context.Context, job Job) Result {
	d.metrics.inFlight.Inc()
	began := d.cfg.Clock.Now()
	res := d.cfg.Sender.Send(ctx, job)
	d.metrics.duration.Observe(d.cfg.Clock.Now().Sub(began).Seconds())
	d.metrics.inFlight.Dec()
	d.metrics.attempts.WithLabelValues(res.Outcome.String()).Inc()
	return res
}

// settle decides whether job is done after res: delivered, failed,
// disabled, or retryable but out of attempts or too old, which turns res
// into Failed. A retry interrupted by the end of Run is not given up.
func (d *Dispatcher) settle(ctx context.Context, job Job, res Result, start time.Time) (Result, bool) {
	now := d.cfg.Clock.Now()
	switch res.Outcome {
	case Delivered:
		d.metrics.latency.Observe(now.Sub(start).Seconds())
		return res, true
	case Retry:
		d.cfg.Log.Debug("webhook retry", "tenant", job.Tenant, "job", job.ID, "attempt", job.Attempt,
			"code", res.Code, "detail", res.Detail)
	default:
		d.cfg.Log.Warn("webhook not delivered", "tenant", job.Tenant, "job", job.ID, "attempt", job.Attempt,
			"outcome", res.Outcome.String(), "code", res.Code, "detail", res.Detail)
		return res, true
	}
	reason := ""
	switch {
	case ctx.Err() != nil:
		return res, false
	case d.cfg.MaxAttempts > 0 && job.Attempt >= d.cfg.MaxAttempts:
		reason = giveUpMaxAttempts
	case now.Sub(start) >= d.cfg.Expiry:
		reason = giveUpExpired
	default:
		return res, false
	}
	d.metrics.givenUp.WithLabelValues(reason).Inc()
	res.Outcome, res.RetryAfter = Failed, 0
	res.Detail = fmt.Sprintf("gave up after %d attempts (%s): %s", job.Attempt, reason, res.Detail)
	d.cfg.Log.Warn("webhook given up", "tenant", job.Tenant, "job", job.ID, "attempt", job.Attempt,
		"reason", reason, "code", res.Code, "detail", res.Detail)
	return res, true
}
