package respond

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// batches records what EventQueue produced, batch by batch.
type batches struct {
	mu  sync.Mutex
	got [][]string
}

func (b *batches) EmitAll(_ context.Context, evs ...event.Event) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	var ids []string
	for _, ev := range evs {
		ids = append(ids, ev.ID)
	}
	b.got = append(b.got, ids)
	return nil
}

func (b *batches) ids() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, ids := range b.got {
		out = append(out, ids...)
	}
	return out
}

// TestEventQueue: a full queue refuses at once instead of holding the
// answer; queued events are produced in order, in batches, and those still
// queued when the process stops are produced before Run returns.
func TestEventQueue(t *testing.T) {
	out := &batches{}
	q := NewEventQueue(out, 3, discardLog())
	ctx := context.Background()
	for _, id := range []string{"a", "b", "c"} {
		require.NoError(t, q.Emit(ctx, event.Event{ID: id}))
	}
	require.ErrorIs(t, q.Emit(ctx, event.Event{ID: "d"}), errQueueFull)

	runCtx, stop := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { q.Run(runCtx, time.Second); close(done) }()
	require.NoError(t, q.Flush(ctx), "Flush returns once what was queued is produced")
	require.Len(t, out.ids(), 3)
	require.Len(t, out.got, 1, "what was queued went in one batch")

	stop()
	<-done
	require.NoError(t, q.Emit(ctx, event.Event{ID: "e"}))
	q.Run(runCtx, time.Second) // stopped: drains and returns
	require.Equal(t, []string{"a", "b", "c", "e"}, out.ids())
}
