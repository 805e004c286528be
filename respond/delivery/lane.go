package delivery

import (
	"context"
	"time"
)

// Reasons Submit refuses a job.
const (
	dropQueueFull = "queue_full"
	dropLanesFull = "lanes_full"
	dropStopped   = "stopped"
)

// lane holds one tenant's waiting jobs; one goroutine delivers them in order.
type lane struct {
	jobs []queued
}

// queued is a job waiting in a lane, with the start of its age.
type queued struct {
	job   Job
	start time.Time
}

// Submit queues job in its tenant's lane behind that tenant's earlier jobs.
// It returns false, and counts a drop, when the lane's queue is full, when
// the most lanes are busy and the tenant has none, or after Run ended; the
// caller keeps the job and submits it again later.
func (d *Dispatcher) Submit(job Job) bool {
	start := job.Created
	if start.IsZero() {
		start = d.cfg.Clock.Now()
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	l, ok := d.lanes[job.Tenant]
	reason := ""
	switch {
	case d.stopped:
		reason = dropStopped
	case !ok && len(d.lanes) >= d.cfg.Lanes:
		reason = dropLanesFull
	case ok && len(l.jobs) >= d.cfg.QueueSize:
		reason = dropQueueFull
	}
	if reason != "" {
		d.metrics.drops.WithLabelValues(reason).Inc()
		return false
	}
	if !ok {
		l = &lane{}
		d.lanes[job.Tenant] = l
		if d.runCtx != nil {
			d.startLane(d.runCtx, job.Tenant, l)
		}
	}
	l.jobs = append(l.jobs, queued{job: job, start: start})
	d.metrics.queued.Inc()
	return true
}

// startLane starts l's goroutine, which runs until l is empty or ctx ends;
// d.mu is held.
func (d *Dispatcher) startLane(ctx context.Context, tenant string, l *lane) {
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		for {
			q, ok := d.next(ctx, tenant, l)
			if !ok {
				return
			}
			d.deliver(ctx, q)
		}
	}()
}

// next takes l's first job; when there is none, or Run is ending, the lane
// is removed and next reports false.
func (d *Dispatcher) next(ctx context.Context, tenant string, l *lane) (queued, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if ctx.Err() != nil {
		return queued{}, false // Run clears the lanes
	}
	if len(l.jobs) == 0 {
		delete(d.lanes, tenant)
		return queued{}, false
	}
	q := l.jobs[0]
	l.jobs[0] = queued{}
	l.jobs = l.jobs[1:]
	d.metrics.queued.Dec()
	return q, true
}
