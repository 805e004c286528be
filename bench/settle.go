package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// settleQuiet is how long no merge of the database may run before a run's
// server CPU is read.
const settleQuiet = 2 * time.Second

// settleLimit bounds the wait for merges.
const settleLimit = 5 * time.Minute

// settle waits until db's merges have stopped, so that the merges a run's
// inserts caused count toward its server CPU (and not the next run's).
func settle(ctx context.Context, conn driver.Conn, db string) error {
	start := time.Now()
	quietSince := start
	for {
		var n uint64
		if err := conn.QueryRow(ctx, "SELECT count() FROM system.merges WHERE database = ?", db).Scan(&n); err != nil {
			return fmt.Errorf("merges of %s: %w", db, err)
		}
		now := time.Now()
		if n > 0 {
			quietSince = now
		}
		switch {
		case now.Sub(quietSince) >= settleQuiet:
			return nil
		case now.Sub(start) > settleLimit:
			return fmt.Errorf("merges of %s still running after %s", db, settleLimit)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}
