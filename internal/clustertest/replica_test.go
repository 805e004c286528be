package clustertest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
)

// replicaCatchesUp stops the second replica, inserts through the first
// (the Distributed table writes the healthy replica), restarts the second
// and waits until it holds every row, in events_local and in the
// materialized view's events_by_token_local.
func (c *cluster) replicaCatchesUp(t *testing.T) {
	ctx := context.Background()
	first := c.open(t, 0)
	c.Nodes[1].Stop()
	b := batch("catchup", 1000, time.Now().Add(-50*24*time.Hour)) // older than the warm start's window
	require.NoError(t, first.InsertEvents(ctx, b, time.Now()))
	require.Equal(t, uint64(len(b)), count(t, first, "SELECT count() FROM events_unique WHERE id LIKE 'catchup-%'"))

	sctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	start := time.Now()
	require.NoError(t, c.Nodes[1].Start(sctx))
	second := c.open(t, 1)
	for _, table := range []string{"events_local", "events_by_token_local"} {
		require.NoError(t, second.Conn().Exec(sctx, "SYSTEM SYNC REPLICA "+c.db+"."+table), table)
	}
	testenv.Eventually(t, time.Minute, "the restarted replica holds every row", func() bool {
		return count(t, second, "SELECT count() FROM events_local WHERE id LIKE 'catchup-%'") == uint64(len(b)) &&
			count(t, second, "SELECT count() FROM events_by_token_local WHERE id LIKE 'catchup-%'") == uint64(len(b))
	})
	t.Logf("figure: replica restarted and caught up on %d rows in %s", len(b), time.Since(start).Round(time.Millisecond))
}
