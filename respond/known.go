package respond

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// knownIntents are the intent ids in the outbox: those this process
// recorded, and every instance's as of the last poll of the outbox. While
// it is complete and freshly polled, a new alert's intent needs no outbox
// read (a round trip that, under load, cost as much as the insert). It is
// not complete until the first poll, after it overflows, or once a poll is
// older than staleAfter: a miss is then read from the outbox.
type knownIntents struct {
	mu       sync.Mutex
	ids      map[string]struct{}
	max      int
	complete bool      // ids hold every intent up to polled
	polled   time.Time // when the last poll started
}

// staleAfter is how old the last poll may be for a miss to be trusted:
// another instance's intent reaches this one within it (a rebalance takes
// longer).
const staleAfter = 5 * time.Second

// pollOverlap re-reads transitions this much older than the last poll, for
// inserts that landed after their own timestamp.
const pollOverlap = time.Minute

func newKnownIntents(max int) *knownIntents {
	return &knownIntents{ids: map[string]struct{}{}, max: max}
}

// has reports whether id is known, and whether a miss can be trusted.
func (k *knownIntents) has(id string, now time.Time) (found, sure bool) {
	k.mu.Lock()
	defer k.mu.Unlock()
	_, found = k.ids[id]
	return found, found || (k.complete && now.Sub(k.polled) < staleAfter)
}

// add records id as in the outbox.
func (k *knownIntents) add(id string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.addLocked(id)
}

func (k *knownIntents) addLocked(id string) {
	if len(k.ids) >= k.max {
		clear(k.ids)
		k.complete = false // a poll from the start would overflow again
	}
	k.ids[id] = struct{}{}
}

// poll adds the intents the outbox gained since the last poll (all of them
// the first time). An outbox that holds more than max intents leaves the
// set incomplete.
func (k *knownIntents) poll(ctx context.Context, o *Outbox, now time.Time) error {
	k.mu.Lock()
	since, first := k.polled.Add(-pollOverlap), k.polled.IsZero()
	k.mu.Unlock()
	if first {
		since = time.Unix(0, 0)
	}
	ids, err := o.IDsSince(ctx, since, k.max+1)
	if err != nil {
		return fmt.Errorf("known intents: %w", err)
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if len(ids) > k.max {
		return nil // stays as it was: misses are read from the outbox
	}
	for _, id := range ids {
		k.addLocked(id)
	}
	if first {
		k.complete = len(k.ids) < k.max
	}
	k.polled = now
	return nil
}
