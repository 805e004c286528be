package delivery

import (
	"math/rand/v2"
	"time"
)

// Default backoff bounds, used when a Backoff leaves them unset.
const (
	DefaultBackoffBase = time.Second
	DefaultBackoffMax  = 10 * time.Minute
)

// Backoff spaces retries: exponential from Base, doubled per attempt, with
// equal jitter (between half and all of the step), capped at Max, and never
// shorter than the receiver's Retry-After.
type Backoff struct {
	Base time.Duration  // first step; not positive: DefaultBackoffBase
	Max  time.Duration  // cap on the step; not positive: DefaultBackoffMax
	Rand func() float64 // in [0, 1); nil: math/rand/v2.Float64
}

// Delay is how long to wait after failed attempt number attempt (from 1)
// whose receiver asked for retryAfter (0: no preference).
func (b Backoff) Delay(attempt int, retryAfter time.Duration) time.Duration {
	base, ceiling := b.Base, b.Max
	if base <= 0 {
		base = DefaultBackoffBase
	}
	if ceiling <= 0 {
		ceiling = DefaultBackoffMax
	}
	step := min(base, ceiling)
	for i := 1; i < attempt && step < ceiling; i++ {
		if step > ceiling/2 { // doubling would pass the cap (or overflow)
			step = ceiling
		} else {
			step *= 2
		}
	}
	random := rand.Float64
	if b.Rand != nil {
		random = b.Rand
	}
	r := min(max(random(), 0), 1)
	d := step/2 + time.Duration(r*float64(step-step/2))
	return max(d, retryAfter)
}
