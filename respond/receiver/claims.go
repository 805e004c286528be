package receiver

import (
	"context"
	"sync"
	"sync/atomic"
)

// claims lets one request at a time work on a webhook id: the others wait
// for it to finish, then look at the journal again.
type claims struct {
	mu       sync.Mutex
	inflight map[string]chan struct{} // closed when the claim is released
	waiting  atomic.Int64             // requests waiting on another's claim (for tests)
}

// newClaims returns an empty set of claims.
func newClaims() *claims { return &claims{inflight: map[string]chan struct{}{}} }

// claim waits until no other request holds id, then returns handled=true
// if the journal holds id, or else holds id until release is called. It
// returns ctx's error if ctx ends first.
func (c *claims) claim(ctx context.Context, id string, j Journal) (release func(), handled bool, err error) {
	for {
		c.mu.Lock()
		busy, held := c.inflight[id]
		if !held {
			if j.Handled(id) {
				c.mu.Unlock()
				return nil, true, nil
			}
			done := make(chan struct{})
			c.inflight[id] = done
			c.mu.Unlock()
			return func() { c.release(id, done) }, false, nil
		}
		c.mu.Unlock()
		if err := c.wait(ctx, busy); err != nil {
			return nil, false, err
		}
	}
}

// wait blocks until busy is closed or ctx ends.
func (c *claims) wait(ctx context.Context, busy chan struct{}) error {
	c.waiting.Add(1)
	defer c.waiting.Add(-1)
	select {
	case <-busy:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// release frees id and wakes its waiters.
func (c *claims) release(id string, done chan struct{}) {
	c.mu.Lock()
	delete(c.inflight, id)
	c.mu.Unlock()
	close(done)
}
