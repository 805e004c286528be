package clustertest

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
)

// ingestEvents is how many events the kill -9 test produces.
const ingestEvents = 4000

// ingestWithKills runs `credwatch ingest` on node i while 4,000 events are
// produced, SIGKILLs it twice mid-stream, restarts it and stops it with
// SIGTERM: rows = distinct ids = events produced, read through the
// Distributed tables, and every offset is committed.
func (c *cluster) ingestWithKills(t *testing.T, i int) {
	brokers := testenv.Kafka(t, 4, topic, dlqTopic).ListenAddrs()
	st := c.open(t, i)
	logf, err := os.Create(filepath.Join(t.TempDir(), "ingest.log"))
	require.NoError(t, err)
	t.Cleanup(func() {
		if t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			t.Logf("ingester log (last 4 KiB):\n%s", b[max(0, len(b)-4096):])
		}
		logf.Close()
	})
	start := time.Now().Add(-45 * 24 * time.Hour).Truncate(time.Second) // older than the warm start's window
	stored := func() uint64 { return count(t, st, "SELECT count() FROM events_unique WHERE id LIKE 'evt-%'") }
	done := make(chan error, 1)
	go func() { // paced, so that the kills land while events arrive
		tick := time.NewTicker(50 * time.Millisecond)
		defer tick.Stop()
		var err error
		for from := 0; from < ingestEvents && err == nil; from += 250 {
			err = produceEvents(brokers, from, from+250, start)
			<-tick.C
		}
		done <- err
	}()
	for kill, at := range []uint64{800, 2000} {
		p := c.startIngester(t, brokers, i, logf)
		testenv.Eventually(t, time.Minute, "events stored before the kill", func() bool { p.Alive(t); return stored() >= at })
		_ = p.Signal(t, syscall.SIGKILL)
		t.Logf("figure: kill -9 #%d at %d stored events", kill+1, stored())
	}
	require.NoError(t, <-done)
	p := c.startIngester(t, brokers, i, logf)
	testenv.Eventually(t, 2*time.Minute, "every event stored", func() bool { p.Alive(t); return stored() >= ingestEvents })
	// A kill between an INSERT and its commit leaves stored rows uncommitted:
	// this ingester reads them again, and its commits must catch up.
	testenv.Eventually(t, 2*time.Minute, "every offset committed", func() bool { p.Alive(t); return uncommitted(t, brokers[0], 4) == 0 })
	require.NoError(t, p.Signal(t, syscall.SIGTERM), "SIGTERM exits 0")

	physical := count(t, st, "SELECT count() FROM events WHERE id LIKE 'evt-%'")
	ids := count(t, st, "SELECT uniqExact(id) FROM events WHERE id LIKE 'evt-%'")
	rows := stored()
	t.Logf("figure: produced=%d physical_rows=%d unique_rows=%d distinct_ids=%d per node %v",
		ingestEvents, physical, rows, ids, c.localCounts(t, "events_local", "id LIKE 'evt-%'"))
	require.Equal(t, uint64(ingestEvents), rows)
	require.Equal(t, uint64(ingestEvents), ids)
	require.Zero(t, uncommitted(t, brokers[0], 4), "every offset committed")
}

// localCounts is, per node, the rows of a local table matching where.
func (c *cluster) localCounts(t *testing.T, table, where string) []uint64 {
	out := make([]uint64, len(c.Nodes))
	for i := range c.Nodes {
		out[i] = count(t, c.open(t, i), "SELECT count() FROM "+table+" WHERE "+where)
	}
	return out
}
