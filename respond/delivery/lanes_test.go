package delivery

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestHangingTenantDoesNotDelayOthers(t *testing.T) {
	release, entered := make(chan struct{}), make(chan struct{}, 1)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered <- struct{}{}
		select {
		case <-release:
			w.WriteHeader(http.StatusOK)
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(slow.Close)
	fast := newReceiver(t, func(string, int, int) int { return http.StatusOK })
	sender := &Sender{Client: NewHTTPClient(time.Minute), Timeout: time.Minute,
		Endpoints: Endpoints{PerTenant: map[string]Endpoint{
			"stuck": {URL: slow.URL, Signer: testSigner{}},
			"fine":  {URL: fast.URL, Signer: testSigner{}},
		}}}
	d, rec, _, reg := newTestDispatcher("", 0, Config{Sender: sender})
	run(t, d)
	require.True(t, d.Submit(Job{ID: "s1", Tenant: "stuck"}))
	<-entered // the stuck tenant's request is in progress
	require.True(t, d.Submit(Job{ID: "f1", Tenant: "fine"}))
	eventually(t, func() bool { return rec.settled("f1") }, "the other tenant is delivered")
	require.Equal(t, []Outcome{Delivered}, rec.Outcomes("f1"))
	require.Empty(t, rec.Outcomes("s1"), "the stuck request is still in flight")
	require.Equal(t, 1.0, metric(t, reg, "credwatch_respond_webhook_in_flight", "", ""))
	close(release)
	eventually(t, func() bool { return rec.settled("s1") }, "the stuck tenant recovers")
	require.Equal(t, []Outcome{Delivered}, rec.Outcomes("s1"))
}

func TestOrderWithinTenantSurvivesRetries(t *testing.T) {
	rcv := newReceiver(t, func(id string, nth, _ int) int {
		if id != "j3" && nth <= 2 {
			return http.StatusBadGateway
		}
		return http.StatusOK
	})
	d, rec, _, _ := newTestDispatcher(rcv.URL, 5*time.Second, Config{})
	for _, id := range []string{"j1", "j2", "j3"} {
		require.True(t, d.Submit(Job{ID: id, Tenant: "acme", Body: []byte(`{}`)}))
	}
	run(t, d)
	eventually(t, func() bool { return rec.settled("j3") }, "all delivered")
	require.Equal(t, []string{"j1", "j1", "j1", "j2", "j2", "j2", "j3"}, rcv.Arrivals(),
		"a job waits for the tenant's earlier jobs, retries included")
	require.Equal(t, map[string]int{"j1": 1, "j2": 1, "j3": 1}, rcv.Delivered())
}

func TestFullQueueRefusesAndCountsDrop(t *testing.T) {
	rcv := newReceiver(t, func(string, int, int) int { return http.StatusOK })
	d, rec, _, reg := newTestDispatcher(rcv.URL, 5*time.Second, Config{QueueSize: 2, Lanes: 2})
	require.True(t, d.Submit(Job{ID: "a1", Tenant: "a"}))
	require.True(t, d.Submit(Job{ID: "a2", Tenant: "a"}))
	require.False(t, d.Submit(Job{ID: "a3", Tenant: "a"}), "the lane's queue is full")
	require.True(t, d.Submit(Job{ID: "b1", Tenant: "b"}), "another tenant has its own queue")
	require.False(t, d.Submit(Job{ID: "c1", Tenant: "c"}), "no lane left")
	require.Equal(t, 1.0, metric(t, reg, "credwatch_respond_webhook_drops_total", "reason", "queue_full"))
	require.Equal(t, 1.0, metric(t, reg, "credwatch_respond_webhook_drops_total", "reason", "lanes_full"))
	require.Equal(t, 3.0, metric(t, reg, "credwatch_respond_webhook_queued_jobs", "", ""))
	run(t, d)
	eventually(t, func() bool { return rec.settled("a2") && rec.settled("b1") }, "queued jobs delivered")
	require.Equal(t, map[string]int{"a1": 1, "a2": 1, "b1": 1}, rcv.Delivered())
	eventually(t, func() bool { return d.Submit(Job{ID: "c1", Tenant: "c"}) }, "idle lanes are freed")
	eventually(t, func() bool { return rec.settled("c1") }, "resubmitted job delivered")
}

func TestReceiverDownThenUpGetsEachJobOnce(t *testing.T) {
	const down, jobs = 9, 12
	var calls atomic.Int32
	rcv := newReceiver(t, func(_ string, _, total int) int {
		calls.Add(1)
		switch {
		case total > down:
			return http.StatusOK
		case total%2 == 0:
			return 0 // connection dropped
		}
		return http.StatusServiceUnavailable
	})
	d, rec, _, _ := newTestDispatcher(rcv.URL, 5*time.Second, Config{})
	run(t, d)
	for i := range jobs {
		require.True(t, d.Submit(Job{ID: fmt.Sprintf("m%d", i), Tenant: fmt.Sprintf("t%d", i%3), Body: []byte(`{}`)}))
	}
	eventually(t, func() bool {
		for i := range jobs {
			if !rec.settled(fmt.Sprintf("m%d", i)) {
				return false
			}
		}
		return true
	}, "every job settled")
	got := rcv.Delivered()
	require.Len(t, got, jobs)
	for id, n := range got {
		require.Equal(t, 1, n, "job %s delivered exactly once", id)
		o := rec.Outcomes(id)
		require.Equal(t, Delivered, o[len(o)-1])
	}
	require.EqualValues(t, down+jobs, calls.Load(), "one successful request per job after the outage")
}
