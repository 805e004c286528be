package ingest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/internal/testenv"
)

// TestFaultHundredThousandEvents: 100k valid events → exactly 100k rows, each id once.
func TestFaultHundredThousandEvents(t *testing.T) {
	e := newEnv(t, 4)
	const n = 100_000
	values := make([][]byte, n)
	for i := range values {
		values[i] = goodEvent(i)
	}
	produce(t, e.brokers, values...)
	start := time.Now()
	stop := e.runIngest(t, ingest.Config{BatchSize: 10000, BatchTimeout: 200 * time.Millisecond})
	e.waitStored(t, n, 3*time.Minute)
	elapsed := time.Since(start)
	require.NoError(t, stop())
	physical, unique, ids := e.counts(t)
	t.Logf("figure: produced=%d physical_rows=%d unique_rows=%d distinct_ids=%d in %s (%.0f events/s incl. start-up)",
		n, physical, unique, ids, elapsed.Round(time.Millisecond), n/elapsed.Seconds())
	require.Equal(t, uint64(n), physical)
	require.Equal(t, uint64(n), unique)
	require.Equal(t, uint64(n), ids)

	// A full replay (a second group reads everything again, as after lost
	// commits): twice the physical rows, still each id once.
	stop = e.runIngestGroup(t, ingest.Config{BatchSize: 10000, BatchTimeout: 200 * time.Millisecond}, "replay")
	testenv.Eventually(t, 3*time.Minute, "replay committed to the end", func() bool {
		return uncommitted(t, e.brokers[0], "replay") == 0
	})
	require.NoError(t, stop())
	physical, unique, ids = e.counts(t)
	t.Logf("figure: after full replay of %d events: physical_rows=%d (background merges collapse some) unique_rows=%d distinct_ids=%d",
		n, physical, unique, ids)
	require.Equal(t, uint64(n), unique)
	require.Equal(t, uint64(n), ids)
}
