package clustertest

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/store"
)

// replay inserts one batch three times, from the first and the last node:
// Replicated insert deduplication keeps one copy on every shard (the
// Distributed tables split a batch the same way each time). A re-cut replay
// (half the batch and new events) adds physical rows that events_unique
// still shows once: the replacing key holds because the sharding key sends
// an event to the same shard every time.
func (c *cluster) replay(t *testing.T) {
	ctx := context.Background()
	first, last := c.open(t, 0), c.open(t, len(c.Nodes)-1)
	at := time.Now().Add(-60 * 24 * time.Hour) // older than the warm start's window
	b := batch("replay", 2000, at.Add(-24*time.Hour))
	require.NoError(t, first.InsertEvents(ctx, b, at))
	require.NoError(t, first.InsertEvents(ctx, b, at))
	require.NoError(t, last.InsertEvents(ctx, b, at))
	require.Equal(t, uint64(2000), count(t, last, "SELECT count() FROM events WHERE id LIKE 'replay-%'"),
		"a replayed batch is deduplicated on insert")

	recut := append(b[1000:len(b):len(b)], batch("replay-new", 500, at.Add(-12*time.Hour))...)
	require.NoError(t, last.InsertEvents(ctx, recut, at.Add(time.Minute)))
	physical := count(t, first, "SELECT count() FROM events WHERE id LIKE 'replay-%'")
	unique := count(t, first, "SELECT count() FROM events_unique WHERE id LIKE 'replay-%'")
	ids := count(t, first, "SELECT uniqExact(id) FROM events WHERE id LIKE 'replay-%'")
	t.Logf("figure: replays: physical_rows=%d unique_rows=%d distinct_ids=%d", physical, unique, ids)
	require.Equal(t, uint64(2500), ids)
	require.Equal(t, ids, unique, "events_unique shows each id once across shards")
	require.Equal(t, ids, count(t, first, "SELECT count() FROM events_by_token FINAL WHERE id LIKE 'replay-%'"),
		"the materialized view's table collapses too")
	c.groupedReplay(t, at)
}

// groupedReplay sends one INSERT of three batches (as ingest groups them
// under a backlog) twice: the retry is deduplicated on insert like a batch.
func (c *cluster) groupedReplay(t *testing.T, at time.Time) {
	ctx := context.Background()
	st := c.open(t, 0)
	require.True(t, st.GroupsInserts())
	b := batch("grouped", 3000, at.Add(-6*time.Hour))
	var g store.EventBlocks
	for lo := 0; lo < len(b); lo += 1000 {
		require.NoError(t, st.AppendEvents(ctx, &g, b[lo:lo+1000], at))
	}
	parts := c.localCounts(t, "system.parts", "table = 'events_local' AND active")
	require.NoError(t, st.InsertBlocks(ctx, &g))
	t.Logf("figure: a grouped INSERT of 3 batches: events_local parts per node %v before, %v after",
		parts, c.localCounts(t, "system.parts", "table = 'events_local' AND active"))
	require.NoError(t, st.InsertBlocks(ctx, &g))
	require.Equal(t, uint64(3000), count(t, st, "SELECT count() FROM events WHERE id LIKE 'grouped-%'"),
		"a retried grouped INSERT is deduplicated on insert")
	require.Equal(t, uint64(3000), count(t, st, "SELECT uniqExact(id) FROM events WHERE id LIKE 'grouped-%'"))
}
