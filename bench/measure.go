package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// result is one row of the table.
type result struct {
	name      string
	produced  int
	stored    uint64 // physical rows
	distinct  uint64 // distinct event ids
	elapsed   time.Duration
	procCPU   time.Duration // the ingesting process (credwatch or clickhouse-client)
	serverCPU time.Duration // clickhouse-server during the run
	peakRSS   int64         // the ingesting process
	bytes     uint64        // compressed bytes of the events table's active parts
	allBytes  uint64        // compressed bytes of every table's active parts (the views' copies too)
	written   uint64        // parts the inserts wrote, every table of the database
	merges    uint64        // merges of the database's parts during the run
	note      string
	runs      int // how many runs the median was taken over
}

// rate is stored rows per second of wall time.
func (r result) rate() float64 { return float64(r.stored) / r.elapsed.Seconds() }

// pollInterval is how often a run checks its row count.
const pollInterval = 100 * time.Millisecond

// stallAfter ends a run whose row count stopped growing.
const stallAfter = 30 * time.Second

// waitRows polls count() of table until it reaches want, stalls, or ctx ends,
// and returns when the last growth was seen.
func waitRows(ctx context.Context, conn driver.Conn, table string, want uint64, start time.Time) (time.Time, error) {
	var last uint64
	lastGrowth := start
	for {
		var n uint64
		if err := conn.QueryRow(ctx, "SELECT count() FROM "+table).Scan(&n); err != nil {
			return lastGrowth, err
		}
		now := time.Now()
		if n > last {
			last, lastGrowth = n, now
		}
		if n >= want || now.Sub(lastGrowth) > stallAfter {
			return lastGrowth, nil
		}
		select {
		case <-ctx.Done():
			return lastGrowth, ctx.Err()
		case <-time.After(pollInterval):
		}
	}
}

// counts returns physical rows and distinct ids of table.
func counts(ctx context.Context, conn driver.Conn, table string) (rows, ids uint64, err error) {
	err = conn.QueryRow(ctx, "SELECT count(), uniqExact(id) FROM "+table).Scan(&rows, &ids)
	if err != nil {
		err = fmt.Errorf("count %s: %w", table, err)
	}
	return
}

// storage reads the compressed bytes of db's events table and of all its
// tables, and from the part log the parts its inserts wrote and the merges.
func storage(ctx context.Context, conn driver.Conn, db string) (bytes, all, written, merges uint64, err error) {
	err = conn.QueryRow(ctx, "SELECT sumIf(data_compressed_bytes, table = 'events'), sum(data_compressed_bytes) "+
		"FROM system.parts WHERE database = ? AND active", db).Scan(&bytes, &all)
	if err == nil {
		err = conn.Exec(ctx, "SYSTEM FLUSH LOGS")
	}
	if err == nil {
		err = conn.QueryRow(ctx, "SELECT countIf(toInt8(event_type) = 1), countIf(toInt8(event_type) = 2) "+ // new part, merge
			"FROM system.part_log WHERE database = ?", db).Scan(&written, &merges)
	}
	if err != nil {
		err = fmt.Errorf("storage of %s: %w", db, err)
	}
	return
}

// cpuPerEvent is process and server CPU per stored row.
func (r result) cpuPerEvent() time.Duration {
	if r.stored == 0 {
		return 0
	}
	return (r.procCPU + r.serverCPU) / time.Duration(r.stored)
}
