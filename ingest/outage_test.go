package ingest_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/internal/testenv"
)

// outage is how long ClickHouse stays down.
const outage = 10 * time.Second

// TestFaultClickHouseOutage stops ClickHouse for 10 s mid-stream: the ingester
// reports degraded, stops committing, and catches up by itself afterwards with
// no loss and no duplicate.
func TestFaultClickHouseOutage(t *testing.T) {
	e := newEnv(t, 4)
	stop := e.runIngest(t, ingest.Config{BatchSize: 2000, BatchTimeout: 100 * time.Millisecond, MaxBackoff: time.Second})
	const half = 20_000
	first := make([][]byte, half)
	for i := range first {
		first[i] = goodEvent(i)
	}
	produce(t, e.brokers, first...)
	testenv.Eventually(t, time.Minute, "some events stored", func() bool {
		_, u, _ := e.counts(t)
		return u > 5000
	})

	e.ch.Stop()
	down := time.Now()
	second := make([][]byte, half)
	for i := range second {
		second[i] = goodEvent(half + i)
	}
	produce(t, e.brokers, second...)
	testenv.Eventually(t, time.Minute, "ingester to report degraded", func() bool { return !e.health.Healthy() })
	t.Logf("figure: degraded reported %s after ClickHouse stopped: %v", time.Since(down).Round(time.Millisecond), e.health.Snapshot()["clickhouse"].Error)
	<-time.After(outage - time.Since(down)) // the fault's length, not a wait for a condition

	restarted, err := chserver.Start(context.Background(), e.ch.Config())
	require.NoError(t, err)
	t.Cleanup(restarted.Stop)
	up := time.Now()
	e.waitStored(t, 2*half, 2*time.Minute)
	t.Logf("figure: outage %s; caught up %s after restart", up.Sub(down).Round(time.Millisecond), time.Since(up).Round(time.Millisecond))
	testenv.Eventually(t, 30*time.Second, "healthy again", e.health.Healthy)
	require.NoError(t, stop())
	physical, unique, ids := e.counts(t)
	t.Logf("figure: produced=%d physical_rows=%d unique_rows=%d distinct_ids=%d", 2*half, physical, unique, ids)
	require.Equal(t, uint64(2*half), unique)
	require.Equal(t, uint64(2*half), ids)
}
