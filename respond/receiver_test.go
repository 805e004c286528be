package respond

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/respond/receiver"
	"github.com/credwatch/credwatch/respond/webhook"
)

// testSecret signs and verifies every test webhook.
var testSecret = webhook.Secret("credwatch-respond-test-secret-0123456789")

// testReceiver is the reference receiver behind an httptest server, with a
// gate in front of it that can make it look down (503 until a time on the
// test clock) or hang (act, then never answer: a response lost in a crash).
type testReceiver struct {
	URL      string
	now      func() time.Time // the test clock's, or the wall clock for a receiver of another process
	secret   webhook.Secret   // the receiver's (testSecret unless changed before swap)
	journal  *orderedJournal
	revokes  atomic.Int64 // token.revoke events the receiver emitted
	hang     atomic.Bool
	hung     atomic.Int64 // requests acted on and left hanging
	mu       sync.Mutex
	handler  *receiver.Handler
	down     time.Time // answers 503 before this time
	statuses map[int]int
}

// newReceiver serves a receiver on a journal (a MemoryJournal when nil).
func newReceiver(t *testing.T, clk *testClock, j receiver.Journal) *testReceiver {
	return newReceiverAt(t, clk.Now, j)
}

// newReceiverAt is newReceiver on the clock now.
func newReceiverAt(t *testing.T, now func() time.Time, j receiver.Journal) *testReceiver {
	if j == nil {
		j = receiver.NewMemoryJournal()
	}
	x := &testReceiver{now: now, secret: testSecret, statuses: map[int]int{}}
	x.swap(t, j)
	srv := httptest.NewServer(x)
	t.Cleanup(srv.Close)
	x.URL = srv.URL
	return x
}

// swap restarts the receiver on journal j (a reopened FileJournal).
func (x *testReceiver) swap(t *testing.T, j receiver.Journal) {
	oj := &orderedJournal{Journal: j}
	h, err := receiver.New(receiver.Config{Verifier: webhook.Verifier{Secrets: []webhook.Secret{x.secret}},
		Journal: oj, Now: x.now, Emitter: receiver.EmitterFunc(func(context.Context, event.Event) error {
			x.revokes.Add(1)
			return nil
		})})
	require.NoError(t, err)
	x.mu.Lock()
	x.handler, x.journal = h, oj
	x.mu.Unlock()
}

// downUntil makes the receiver answer 503 until at (test clock).
func (x *testReceiver) downUntil(at time.Time) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.down = at
}

func (x *testReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	x.mu.Lock()
	h, down := x.handler, x.now().Before(x.down)
	x.mu.Unlock()
	switch {
	case down:
		x.count(http.StatusServiceUnavailable)
		w.WriteHeader(http.StatusServiceUnavailable)
	case x.hang.Load():
		h.ServeHTTP(httptest.NewRecorder(), r)
		x.hung.Add(1)
		<-r.Context().Done()
	default:
		sw := &statusWriter{ResponseWriter: w, code: http.StatusOK}
		h.ServeHTTP(sw, r)
		x.count(sw.code)
	}
}

func (x *testReceiver) count(code int) {
	x.mu.Lock()
	defer x.mu.Unlock()
	x.statuses[code]++
}

// answered is how many requests got code.
func (x *testReceiver) answered(code int) int {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.statuses[code]
}

// requests is how many webhooks reached the receiver.
func (x *testReceiver) requests() int {
	x.mu.Lock()
	defer x.mu.Unlock()
	n := int(x.hung.Load())
	for _, c := range x.statuses {
		n += c
	}
	return n
}

// records are the webhooks the receiver handled, in the order it did.
func (x *testReceiver) records() []receiver.Record {
	x.mu.Lock()
	j := x.journal
	x.mu.Unlock()
	return j.all()
}

// revocations are the revocations the receiver's journal holds.
func (x *testReceiver) revocations() []receiver.Record {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.handler.Revocations()
}
