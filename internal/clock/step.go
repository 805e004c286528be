package clock

import (
	"sync"
	"time"
)

// Step is a fake clock for tests: time stands still until something waits,
// and every After(d) moves it forward by d and fires at once.
type Step struct {
	mu  sync.Mutex
	now time.Time
}

// NewStep starts a Step clock at t.
func NewStep(t time.Time) *Step { return &Step{now: t} }

// Now is the current fake time.
func (c *Step) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After advances the clock by d and returns a channel that has fired.
func (c *Step) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	c.now = c.now.Add(d)
	now := c.now
	c.mu.Unlock()
	ch := make(chan time.Time, 1)
	ch <- now
	return ch
}
