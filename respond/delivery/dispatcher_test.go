package delivery

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"
)

// fixedJitter keeps backoff deterministic in tests.
func fixedJitter() float64 { return 0.5 }

// newTestDispatcher delivers with a real Sender to url on a recording Step clock.
func newTestDispatcher(url string, timeout time.Duration, cfg Config) (*Dispatcher, *recorder, *recClock, *prometheus.Registry) {
	clk, rec, reg := newRecClock(), &recorder{}, prometheus.NewRegistry()
	if cfg.Sender == nil {
		cfg.Sender = newSender(url, clk, timeout)
	}
	cfg.Clock, cfg.OnResult, cfg.Metrics = clk, rec.OnResult, reg
	if cfg.Backoff.Base == 0 {
		cfg.Backoff = Backoff{Base: time.Second, Max: time.Minute, Rand: fixedJitter}
	}
	return NewDispatcher(cfg), rec, clk, reg
}

func TestDeliveredOn2xxAnd409(t *testing.T) {
	rcv := newReceiver(t, func(id string, _, _ int) int {
		if id == "dup" {
			return http.StatusConflict
		}
		return http.StatusOK
	})
	d, rec, _, reg := newTestDispatcher(rcv.URL, 5*time.Second, Config{})
	run(t, d)
	require.True(t, d.Submit(Job{ID: "new", Tenant: "acme", Body: []byte(`{}`)}))
	require.True(t, d.Submit(Job{ID: "dup", Tenant: "acme", Body: []byte(`{}`)}))
	eventually(t, func() bool { return rec.settled("new") && rec.settled("dup") }, "both settled")
	require.Equal(t, []Outcome{Delivered}, rec.Outcomes("new"))
	require.Equal(t, []Outcome{Delivered}, rec.Outcomes("dup"))
	require.Equal(t, 2.0, metric(t, reg, "credwatch_respond_webhook_attempts_total", "outcome", "delivered"))
	require.Equal(t, 2.0, metric(t, reg, "credwatch_respond_webhook_delivery_latency_seconds", "", ""))
}

func TestServerErrorThenSuccessDeliversOnce(t *testing.T) {
	rcv := newReceiver(t, func(_ string, nth, _ int) int {
		if nth == 1 {
			return http.StatusServiceUnavailable
		}
		return http.StatusNoContent
	})
	d, rec, clk, reg := newTestDispatcher(rcv.URL, 5*time.Second, Config{})
	run(t, d)
	require.True(t, d.Submit(Job{ID: "msg_1", Tenant: "acme", Body: []byte(`{}`)}))
	eventually(t, func() bool { return rec.settled("msg_1") }, "delivered")
	require.Equal(t, []Outcome{Retry, Delivered}, rec.Outcomes("msg_1"))
	last, _ := rec.Last("msg_1")
	require.Equal(t, 2, last.Job.Attempt, "attempts are numbered from 1")
	require.Equal(t, map[string]int{"msg_1": 1}, rcv.Delivered())
	require.Equal(t, []time.Duration{750 * time.Millisecond}, clk.Waits(), "one backoff, asked of the clock")
	require.Equal(t, 1.0, metric(t, reg, "credwatch_respond_webhook_attempts_total", "outcome", "retry"))
}

func TestTooManyRequestsWaitsRetryAfter(t *testing.T) {
	srv := newReceiverWith(t, func(_ string, nth, _ int) int {
		if nth == 1 {
			return http.StatusTooManyRequests
		}
		return http.StatusOK
	}, http.Header{"Retry-After": {"120"}})
	d, rec, clk, _ := newTestDispatcher(srv.URL, 5*time.Second, Config{})
	run(t, d)
	require.True(t, d.Submit(Job{ID: "m", Tenant: "acme"}))
	eventually(t, func() bool { return rec.settled("m") }, "delivered")
	require.Equal(t, []Outcome{Retry, Delivered}, rec.Outcomes("m"))
	waits := clk.Waits()
	require.Len(t, waits, 1)
	require.GreaterOrEqual(t, waits[0], 120*time.Second, "the clock is asked to wait at least Retry-After")
}

func TestGoneDisablesAndBadRequestFails(t *testing.T) {
	rcv := newReceiver(t, func(id string, _, _ int) int {
		if strings.HasPrefix(id, "bad") {
			return http.StatusBadRequest
		}
		return http.StatusGone
	})
	d, rec, clk, _ := newTestDispatcher(rcv.URL, 5*time.Second, Config{})
	run(t, d)
	require.True(t, d.Submit(Job{ID: "bad", Tenant: "a"}))
	eventually(t, func() bool { return rec.settled("bad") }, "bad settled")
	require.Equal(t, []Outcome{Failed}, rec.Outcomes("bad"), "400 is permanent: no retry")
	require.True(t, d.Submit(Job{ID: "gone1", Tenant: "b"}))
	eventually(t, func() bool { return rec.settled("gone1") }, "gone1 settled")
	require.True(t, d.Submit(Job{ID: "gone2", Tenant: "b"}))
	eventually(t, func() bool { return rec.settled("gone2") }, "gone2 settled")
	require.Equal(t, []Outcome{Disabled}, rec.Outcomes("gone1"))
	require.Equal(t, []Outcome{Disabled}, rec.Outcomes("gone2"))
	require.Equal(t, []string{"bad", "gone1"}, rcv.Arrivals(), "the disabled endpoint is not called again")
	require.Empty(t, clk.Waits(), "nothing was retried")
}
