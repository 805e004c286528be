package delivery

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/credwatch/credwatch/internal/clock"
)

// epoch is the tests' fake start time (a whole second, for HTTP dates).
func epoch() time.Time { return time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC) }

// testSigner sets recognisable Standard Webhooks headers.
type testSigner struct{}

func (testSigner) Sign(h http.Header, msgID string, ts time.Time, _ []byte) {
	h.Set("webhook-id", msgID)
	h.Set("webhook-timestamp", strconv.FormatInt(ts.Unix(), 10))
	h.Set("webhook-signature", "v1,test")
}

// recClock is a Step clock that records every wait asked of it.
type recClock struct {
	*clock.Step
	mu    sync.Mutex
	waits []time.Duration
}

func newRecClock() *recClock { return &recClock{Step: clock.NewStep(epoch())} }

func (c *recClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	c.waits = append(c.waits, d)
	c.mu.Unlock()
	return c.Step.After(d)
}

func (c *recClock) Waits() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.waits...)
}

// receiver is a webhook endpoint that answers with status(id, nth, total):
// nth counts requests for id, total all requests; status 0 drops the
// connection without answering.
type receiver struct {
	*httptest.Server
	mu        sync.Mutex
	arrivals  []string       // webhook-id of every request, in order
	delivered map[string]int // webhook-id → 2xx answers given
	status    func(id string, nth, total int) int
	header    http.Header // added to every answer
}

func newReceiver(t *testing.T, status func(id string, nth, total int) int) *receiver {
	return newReceiverWith(t, status, nil)
}

// newReceiverWith is newReceiver adding header to every answer.
func newReceiverWith(t *testing.T, status func(id string, nth, total int) int, header http.Header) *receiver {
	r := &receiver{delivered: map[string]int{}, status: status, header: header}
	r.Server = httptest.NewServer(http.HandlerFunc(r.serve))
	t.Cleanup(r.Close)
	return r
}

func (r *receiver) serve(w http.ResponseWriter, req *http.Request) {
	id := req.Header.Get("webhook-id")
	r.mu.Lock()
	nth := 1
	for _, a := range r.arrivals {
		if a == id {
			nth++
		}
	}
	r.arrivals = append(r.arrivals, id)
	code := r.status(id, nth, len(r.arrivals))
	if code >= 200 && code < 300 {
		r.delivered[id]++
	}
	r.mu.Unlock()
	if code == 0 {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
		return
	}
	for k, v := range r.header {
		w.Header()[k] = v
	}
	w.WriteHeader(code)
}

func (r *receiver) Arrivals() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.arrivals...)
}

func (r *receiver) Delivered() map[string]int {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make(map[string]int, len(r.delivered))
	for k, v := range r.delivered {
		out[k] = v
	}
	return out
}

// newSender sends every tenant's jobs to url.
func newSender(url string, clk clock.Clock, timeout time.Duration) *Sender {
	return &Sender{Client: NewHTTPClient(timeout), Now: clk.Now, Timeout: timeout,
		Endpoints: Endpoints{Default: Endpoint{URL: url, Signer: testSigner{}}}}
}
