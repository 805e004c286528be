package consolebench

import (
	"context"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/store"
)

// window is when one query's requests ran, to the second: windows never
// share a second (see separate), so the server's query log tells each
// query's reads apart.
type window struct{ from, to time.Time }

// separate waits until the next whole second, so that the window that
// ended and the one to start have no second in common. (A benchmark
// harness may wait; tests never do.)
func separate() {
	time.Sleep(time.Until(time.Now().Truncate(time.Second).Add(time.Second + 50*time.Millisecond)))
}

// bytesRead is what the server read for the SELECTs it finished in w
// (the console's queries; the query log's own reads are left out; type 2
// is QueryFinish, a number on 18.16 and an Enum8 later).
func bytesRead(ctx context.Context, st *store.Store, w window) (uint64, error) {
	if err := st.Conn().Exec(ctx, "SYSTEM FLUSH LOGS"); err != nil {
		return 0, fmt.Errorf("flush query log: %w", err)
	}
	var read uint64
	err := st.Conn().QueryRow(ctx, "SELECT sum(read_bytes) FROM system.query_log WHERE toUInt8(type) = 2 "+
		"AND event_time >= ? AND event_time <= ? AND query LIKE 'SELECT%' AND query NOT LIKE '%system.%'",
		w.from.Truncate(time.Second), w.to).Scan(&read)
	if err != nil {
		return 0, fmt.Errorf("query log: %w", err)
	}
	return read, nil
}

// settleMerges waits, up to limit, until the server runs no merge: a fill
// leaves the background merging for a while, and queries timed meanwhile
// would measure the merges too.
func settleMerges(ctx context.Context, st *store.Store, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		var running uint64
		if err := st.Conn().QueryRow(ctx, "SELECT count() FROM system.merges").Scan(&running); err != nil {
			return fmt.Errorf("merges: %w", err)
		}
		if running == 0 {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
	return nil
}
