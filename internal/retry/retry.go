// Package retry runs an operation until it succeeds, with exponential
// backoff, health reporting and a retry count: the loop ingest and detect
// share for ClickHouse, Kafka and alert-sink calls.
package retry

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
)

// AttemptTimeout bounds one attempt, so a server that stops answering
// mid-request is retried instead of waited on forever.
const AttemptTimeout = 30 * time.Second

// Retrier retries an operation until it succeeds, ctx ends, attempts run
// out or it fails permanently, backing off exponentially from 100 ms up to
// Max and reporting each failure and the recovery to Health.
type Retrier struct {
	Clock      clock.Clock
	Health     *health.Registry
	Log        *slog.Logger
	Max        time.Duration
	OnRetry    func(component string)        // counts retries; may be nil
	HealthName func(component string) string // the component's health entry; nil: the component
}

// Do runs fn; attempts <= 0 means until success, a permanent error (one
// whose Permanent() is true, the house convention) or ctx ends. The error
// returned names the component and wraps fn's.
func (r Retrier) Do(ctx context.Context, component string, attempts int, fn func(context.Context) error) error {
	name := component
	if r.HealthName != nil {
		name = r.HealthName(component)
	}
	backoff := 100 * time.Millisecond
	for n := 1; ; n++ {
		actx, cancel := context.WithTimeout(ctx, AttemptTimeout)
		err := fn(actx)
		cancel()
		if err == nil {
			if n > 1 {
				r.Log.Info("recovered", "component", component, "attempts", n)
			}
			r.Health.OK(name)
			return nil
		}
		r.Health.Degraded(name, err)
		if IsPermanent(err) || attempts > 0 && n >= attempts {
			return fmt.Errorf("%s: %w", component, err)
		}
		if r.OnRetry != nil {
			r.OnRetry(component)
		}
		if n == 1 || n%10 == 0 {
			r.Log.Warn("retrying", "component", component, "attempt", n, "err", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: gave up after %d attempts: %w (last error: %v)", component, n, ctx.Err(), err)
		case <-r.Clock.After(backoff):
		}
		backoff = min(backoff*2, r.Max)
	}
}

// IsPermanent reports whether err says retrying cannot fix it.
func IsPermanent(err error) bool {
	var p interface{ Permanent() bool }
	return errors.As(err, &p) && p.Permanent()
}
