package ingest_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest"
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
}
