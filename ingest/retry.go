package ingest

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
)

// attemptTimeout bounds one attempt, so a server that stops answering
// mid-request is retried instead of waited on forever.
const attemptTimeout = 30 * time.Second

// retrier runs an operation until it succeeds, ctx ends, or attempts run out,
// backing off exponentially up to max and reporting each failure and the
// recovery to health under the operation's component name.
type retrier struct {
	clock   clock.Clock
	health  *health.Registry
	log     *slog.Logger
	max     time.Duration
	onRetry func(component string) // counts retries; may be nil
}

// do runs fn; attempts <= 0 means until success or ctx ends.
func (r retrier) do(ctx context.Context, component string, attempts int, fn func(context.Context) error) error {
	backoff := 100 * time.Millisecond
	for n := 1; ; n++ {
		actx, cancel := context.WithTimeout(ctx, attemptTimeout)
		err := fn(actx)
		cancel()
		if err == nil {
			if n > 1 {
				r.log.Info("recovered", "component", component, "attempts", n)
			}
			r.health.OK(component)
			return nil
		}
		r.health.Degraded(component, err)
		if r.onRetry != nil {
			r.onRetry(component)
		}
		if n == 1 || n%10 == 0 {
			r.log.Warn("retrying", "component", component, "attempt", n, "err", err)
		}
		if attempts > 0 && n >= attempts {
			return err
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: gave up after %d attempts: %w (last error: %v)", component, n, ctx.Err(), err)
		case <-r.clock.After(backoff):
		}
		backoff = min(backoff*2, r.max)
	}
}
