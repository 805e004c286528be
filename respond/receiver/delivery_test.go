package receiver

import (
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSameIDConcurrentlyActsOnce(t *testing.T) {
	const deliveries = 8
	em := &fakeEmitter{gate: make(chan struct{})}
	h, reg := newHandler(t, NewMemoryJournal(), em)
	b := body(t, revoke("tok_1"))
	codes := make(chan int, deliveries)
	var wg sync.WaitGroup
	for range deliveries {
		wg.Go(func() { codes <- serve(h, signedRequest("msg_1", b, now, testSecret(t, 1))).Code })
	}
	// One delivery holds the id (blocked in Emit); the others wait on it.
	waitFor(t, "the other deliveries to wait", func() bool { return h.claims.waiting.Load() == deliveries-1 })
	close(em.gate)
	wg.Wait()
	close(codes)
	count := map[int]int{}
	for c := range codes {
		count[c]++
	}
	require.Equal(t, map[int]int{http.StatusOK: 1, http.StatusConflict: deliveries - 1}, count)
	require.Len(t, em.emitted(), 1)
	require.Len(t, h.Revocations(), 1)
	require.Equal(t, float64(deliveries-1), rejected(t, reg, ReasonReplayed))
}

func TestReplayRejectedAfterRestart(t *testing.T) {
	dir := t.TempDir()
	b := body(t, revoke("tok_1"))
	j1, err := OpenFileJournal(dir, nil)
	require.NoError(t, err)
	h1, _ := newHandler(t, j1, &fakeEmitter{})
	requireReply(t, serve(h1, signedRequest("msg_1", b, now, testSecret(t, 1))), http.StatusOK, `{"status":"revoked"}`)
	require.NoError(t, j1.Close())

	j2, err := OpenFileJournal(dir, nil)
	require.NoError(t, err)
	defer j2.Close()
	em := &fakeEmitter{}
	h2, _ := newHandler(t, j2, em)
	requireReply(t, serve(h2, signedRequest("msg_1", b, now, testSecret(t, 1))), http.StatusConflict, `{"error":"replayed webhook-id"}`)
	require.Empty(t, em.emitted())
	require.Len(t, h2.Revocations(), 1)
	require.Equal(t, "tok_1", h2.Revocations()[0].Credential)
}

func TestEmitFailureIsRetriedAndRecordedOnce(t *testing.T) {
	em := &fakeEmitter{fail: 1}
	h, reg := newHandler(t, NewMemoryJournal(), em)
	b := body(t, revoke("tok_1"))
	w := serve(h, signedRequest("msg_1", b, now, testSecret(t, 1)))
	requireReply(t, w, http.StatusServiceUnavailable, `{"error":"emit failed, retry later"}`)
	require.NotEmpty(t, w.Header().Get("Retry-After"))
	require.Empty(t, h.Revocations())

	// The sender retries a little later, re-signed with a new timestamp.
	requireReply(t, serve(h, signedRequest("msg_1", b, now.Add(5*time.Second), testSecret(t, 1))), http.StatusOK, `{"status":"revoked"}`)
	requireReply(t, serve(h, signedRequest("msg_1", b, now.Add(10*time.Second), testSecret(t, 1))), http.StatusConflict, `{"error":"replayed webhook-id"}`)
	require.Len(t, em.emitted(), 1)
	require.Len(t, h.Revocations(), 1)
	require.Equal(t, 1.0, metricValue(t, reg, "credwatch_receiver_failures_total", map[string]string{"stage": "emit"}))
}

// failingJournal fails Append while fail > 0.
type failingJournal struct {
	*MemoryJournal
	fail int
}

// Append fails or records r.
func (j *failingJournal) Append(r Record) error {
	if j.fail > 0 {
		j.fail--
		return errors.New("disk full")
	}
	return j.MemoryJournal.Append(r)
}

func TestJournalFailureAfterEmitReEmitsTheSameEvent(t *testing.T) {
	em := &fakeEmitter{}
	h, _ := newHandler(t, &failingJournal{MemoryJournal: NewMemoryJournal(), fail: 1}, em)
	b := body(t, revoke("tok_1"))
	requireReply(t, serve(h, signedRequest("msg_1", b, now, testSecret(t, 1))), http.StatusServiceUnavailable, `{"error":"journal failed, retry later"}`)
	requireReply(t, serve(h, signedRequest("msg_1", b, now, testSecret(t, 1))), http.StatusOK, `{"status":"revoked"}`)
	events := em.emitted()
	require.Len(t, events, 2, "emitted again on retry")
	require.Equal(t, events[0].ID, events[1].ID, "the re-emit collapses downstream")
	require.Len(t, h.Revocations(), 1)
}

// waitFor polls cond until it holds, failing the test after 5 s.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}
