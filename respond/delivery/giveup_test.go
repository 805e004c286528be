package delivery

import (
	"context"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
)

// sendFunc fakes Sending.
type sendFunc func(Job) Result

func (f sendFunc) Send(_ context.Context, j Job) Result { return f(j) }

// alwaysRetry is a receiver that never recovers.
func alwaysRetry(Job) Result {
	return Result{Outcome: Retry, Code: 503, Detail: "HTTP 503 Service Unavailable"}
}

func TestMaxAttemptsGivesUp(t *testing.T) {
	d, rec, clk, reg := newTestDispatcher("", 0, Config{Sender: sendFunc(alwaysRetry), MaxAttempts: 4})
	run(t, d)
	require.True(t, d.Submit(Job{ID: "m", Tenant: "acme"}))
	eventually(t, func() bool { return rec.settled("m") }, "given up")
	require.Equal(t, []Outcome{Retry, Retry, Retry, Failed}, rec.Outcomes("m"), "OnResult after every attempt")
	last, _ := rec.Last("m")
	require.Equal(t, 4, last.Job.Attempt)
	require.Contains(t, last.Result.Detail, "gave up after 4 attempts (max_attempts): HTTP 503")
	require.Equal(t, []time.Duration{750 * time.Millisecond, 1500 * time.Millisecond, 3 * time.Second}, clk.Waits())
	require.Equal(t, 1.0, metric(t, reg, "credwatch_respond_webhook_given_up_total", "reason", "max_attempts"))
}

func TestUnlimitedAttemptsStopAtExpiry(t *testing.T) {
	d, rec, clk, reg := newTestDispatcher("", 0, Config{Sender: sendFunc(alwaysRetry), Expiry: time.Hour,
		Backoff: Backoff{Base: time.Minute, Max: 10 * time.Minute, Rand: fixedJitter}})
	run(t, d)
	require.True(t, d.Submit(Job{ID: "m", Tenant: "acme", Attempt: 2, Created: clk.Now().Add(-30 * time.Minute)}))
	eventually(t, func() bool { return rec.settled("m") }, "expired")
	last, _ := rec.Last("m")
	require.Equal(t, Failed, last.Result.Outcome)
	require.Contains(t, last.Result.Detail, "(expired)")
	require.GreaterOrEqual(t, clk.Now().Sub(epoch()), 30*time.Minute, "the age counts from Created")
	require.Less(t, clk.Now().Sub(epoch()), 45*time.Minute)
	require.Equal(t, 3, rec.Attempts("m")[0], "numbering continues from the submitted count")
	require.Equal(t, 1.0, metric(t, reg, "credwatch_respond_webhook_given_up_total", "reason", "expired"))
}

func TestRunOnceAndSubmitAfterStop(t *testing.T) {
	reg := prometheus.NewRegistry()
	d := NewDispatcher(Config{Sender: sendFunc(alwaysRetry), Metrics: reg})
	require.True(t, d.Submit(Job{ID: "m", Tenant: "acme"}))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	require.NoError(t, d.Run(ctx))
	require.Error(t, d.Run(context.Background()))
	require.False(t, d.Submit(Job{ID: "n", Tenant: "acme"}))
	require.Equal(t, 1.0, metric(t, reg, "credwatch_respond_webhook_drops_total", "reason", "stopped"))
	require.Equal(t, 0.0, metric(t, reg, "credwatch_respond_webhook_queued_jobs", "", ""))
}
