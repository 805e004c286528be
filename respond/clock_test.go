package respond

import (
	"sync"
	"testing"
	"time"
)

// t0 is when the tests' alerts happen and their clock starts.
var t0 = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

// pollEvery is the watch loop's poll interval in tests: no other wait in
// respond or delivery is this long, so testClock can tell it apart.
const pollEvery = 7*time.Minute + 13*time.Second

// testClock is every part's clock in a test. Time moves only when
// something waits: a wait of any length but pollEvery passes at once and
// moves time forward by it (as clock.Step does), so delivery backoff and
// the consume loop's retries take no real time; the watch loop's wait
// lasts until the test calls poll.
type testClock struct {
	mu   sync.Mutex
	now  time.Time
	tick chan time.Time
}

func newClock() *testClock { return &testClock{now: t0, tick: make(chan time.Time)} }

// Now is the current fake time.
func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After fires at once, d later, except the watch loop's poll wait.
func (c *testClock) After(d time.Duration) <-chan time.Time {
	if d == pollEvery {
		return c.tick
	}
	now := c.Advance(d)
	ch := make(chan time.Time, 1)
	ch <- now
	return ch
}

// Advance moves time forward by d and returns the new time.
func (c *testClock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	return c.now
}

// poll lets a running watch loop make one whole pass: the second tick is
// taken only once the pass the first one started has ended.
func (c *testClock) poll(t *testing.T) {
	t.Helper()
	for range 2 {
		select {
		case c.tick <- c.Now():
		case <-time.After(30 * time.Second):
			t.Fatal("the watch loop is not polling")
		}
	}
}
