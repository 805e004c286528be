package live

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
)

// Components named in health and retry metrics.
const (
	componentWriter     = "alert_writer"
	componentCommit     = "kafka_commit"
	componentRekey      = "rekey_produce"
	componentClickHouse = "clickhouse"
	componentGroup      = "kafka_group"
)

// attemptTimeout bounds one attempt, so a sink that stops answering
// mid-request is retried instead of waited on forever.
const attemptTimeout = 30 * time.Second

// maxCommitAttempts bounds commit retries: after a rebalance a commit fails
// for good; the alerts are written and the new owner replays idempotently.
const maxCommitAttempts = 5

// healthName is a component's name in the health registry, apart from
// ingest's components when both run in one process.
func healthName(component string) string { return "detect_" + component }

// permanent is an error retrying cannot fix (the house convention, see
// ingest/decode.Error).
type permanent interface{ Permanent() bool }

// isPermanent reports whether err says it is not retryable.
func isPermanent(err error) bool {
	var p permanent
	return errors.As(err, &p) && p.Permanent()
}

// retrier runs an operation until it succeeds, ctx ends, attempts run out or
// it fails permanently, backing off exponentially up to max and reporting
// failures and the recovery to health under the component's name.
type retrier struct {
	clock   clock.Clock
	health  *health.Registry
	log     *slog.Logger
	max     time.Duration
	retries func(component string) // counts retries
}

// do runs fn; attempts <= 0 means until success, a permanent error or ctx ends.
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
			r.health.OK(healthName(component))
			return nil
		}
		r.health.Degraded(healthName(component), err)
		if isPermanent(err) || attempts > 0 && n >= attempts {
			return fmt.Errorf("%s: %w", component, err)
		}
		r.retries(component)
		if n == 1 || n%10 == 0 {
			r.log.Warn("retrying", "component", component, "attempt", n, "err", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%s: gave up after %d attempts: %w (last error: %v)", component, n, ctx.Err(), err)
		case <-r.clock.After(backoff):
		}
		backoff = min(backoff*2, r.max)
	}
}
