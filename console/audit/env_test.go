package audit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/store"
)

// t0 is when the tests' clocks start.
var t0 = time.Date(2026, 11, 20, 8, 0, 0, 250_000_000, time.UTC)

// tick is a clock moving 1.5 s on every reading (so At has a fraction to
// drop).
func tick() func() time.Time {
	var mu sync.Mutex
	now := t0
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(1500 * time.Millisecond)
		return now
	}
}

// openStore opens and migrates database db on ch.
func openStore(t testing.TB, ch *chserver.Server, db string) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, ch.DSN(db), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	_, err = st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	return st
}

// fill appends n entries, one after the other, and returns them.
func fill(t testing.TB, l *Log, n int) []Entry {
	t.Helper()
	out := make([]Entry, 0, n)
	for i := range n {
		e, err := l.Append(context.Background(), Entry{Actor: "ana", Role: "analyst", Action: "alert.ack",
			Tenant: "acme", Target: fmt.Sprintf("alert-%d", i), Detail: fmt.Sprintf(`{"note":"n%d"}`, i)})
		require.NoError(t, err)
		out = append(out, e)
	}
	return out
}

// recorder is an Emitter keeping what it is given; fail makes Emit fail.
type recorder struct {
	mu     sync.Mutex
	events []event.Event
	fail   bool
}

func (r *recorder) Emit(_ context.Context, ev event.Event) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail {
		return errors.New("broker down")
	}
	r.events = append(r.events, ev)
	return nil
}

// requireBroken asserts Verify reports the chain broken at seq, for a
// reason containing reason.
func requireBroken(t testing.TB, st *store.Store, seq uint64, reason string) {
	t.Helper()
	_, err := Verify(context.Background(), st)
	var broken *BrokenError
	require.ErrorAs(t, err, &broken)
	require.Equal(t, seq, broken.Seq, "broken: %v", err)
	require.Contains(t, broken.Reason, reason)
}
