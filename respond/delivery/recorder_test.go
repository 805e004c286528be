package delivery

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// attemptRecord is one OnResult call.
type attemptRecord struct {
	Job    Job
	Result Result
}

// recorder collects OnResult calls.
type recorder struct {
	mu  sync.Mutex
	got []attemptRecord
}

func (r *recorder) OnResult(j Job, res Result) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.got = append(r.got, attemptRecord{j, res})
}

// Outcomes are the outcomes of id's attempts, in order.
func (r *recorder) Outcomes(id string) []Outcome {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Outcome
	for _, a := range r.got {
		if a.Job.ID == id {
			out = append(out, a.Result.Outcome)
		}
	}
	return out
}

// Attempts are the attempt numbers of id's results, in order.
func (r *recorder) Attempts(id string) []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []int
	for _, a := range r.got {
		if a.Job.ID == id {
			out = append(out, a.Job.Attempt)
		}
	}
	return out
}

// Last is id's latest result, and false if it has none.
func (r *recorder) Last(id string) (attemptRecord, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.got) - 1; i >= 0; i-- {
		if r.got[i].Job.ID == id {
			return r.got[i], true
		}
	}
	return attemptRecord{}, false
}

// settled reports whether id's latest result ends it.
func (r *recorder) settled(id string) bool {
	a, ok := r.Last(id)
	return ok && a.Result.Outcome != Retry
}

// run runs d until the test ends.
func run(t *testing.T, d *Dispatcher) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
}

// eventually polls cond with a deadline.
func eventually(t *testing.T, cond func() bool, msg string) {
	t.Helper()
	require.Eventually(t, cond, 10*time.Second, time.Millisecond, msg)
}
