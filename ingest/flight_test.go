package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestInsertsInFlightCommitInStreamOrder: with several INSERTs in flight,
// the groups are the same as with one, every INSERT is stored once, and the
// commits keep the stream's order whatever order the INSERTs finish in.
func TestInsertsInFlightCommitInStreamOrder(t *testing.T) {
	for seed := range uint64(16) {
		r := runRandomBatches(t, seed, 11, 2+int(seed%3))
		require.ElementsMatch(t, r.groups, r.store.inserts, "seed %d", seed)
		require.Equal(t, r.lasts, r.commits.lasts, "seed %d", seed)
	}
}

// TestLaterInsertWaitsForTheOneBeforeToCommit: the second INSERT, stored
// while the first is still running, commits only after the first does.
func TestLaterInsertWaitsForTheOneBeforeToCommit(t *testing.T) {
	for _, order := range []string{"first batch held", "first batch backlog"} {
		batches, ids := randomBatches(rand.New(rand.NewPCG(9, 9)), 3)
		j := &journal{}
		st, c := newGroupStore(j), &lastsCommitter{j: j}
		st.held, st.hold = ids[0][0], make(chan struct{})
		s, _ := newTestSink(j, st, c)
		s.InsertBytes, s.InsertsInFlight = 1<<30, 2
		batches[0].Backlog = order == "first batch backlog" // sent at once either way: nothing is in flight
		batches[1].Backlog, batches[2].Backlog = false, true
		require.NoError(t, s.ConsumeBatch(t.Context(), batches[0]))
		require.NoError(t, s.ConsumeBatch(t.Context(), batches[1]))
		waitFor(t, func() bool { st.mu.Lock(); defer st.mu.Unlock(); return len(st.inserts) == 1 })
		j.mu.Lock()
		require.Equal(t, []string{fmt.Sprintf("insert %d", len(ids[1]))}, j.events, order)
		j.mu.Unlock()
		close(st.hold)
		require.NoError(t, s.ConsumeBatch(t.Context(), batches[2]))
		require.NoError(t, s.Flush(t.Context()))
		require.Equal(t, [][]string{ids[1], ids[0], ids[2]}, st.inserts, order)
		_, lasts := wantGroups(batches, ids, s.InsertBytes)
		require.Equal(t, lasts, c.lasts, order)
	}
}

// TestInsertAfterAFailedOneIsNeverCommitted: when an INSERT never gets
// stored, the INSERTs sent after it are stored but not committed (a replay
// collapses on the table key), and the sink reports the failure.
func TestInsertAfterAFailedOneIsNeverCommitted(t *testing.T) {
	for _, inFlight := range []int{2, 3} {
		batches, ids := randomBatches(rand.New(rand.NewPCG(10, uint64(inFlight))), 4)
		j := &journal{}
		st, c := newGroupStore(j), &lastsCommitter{j: j}
		st.poison = ids[1][0]
		s, _ := newTestSink(j, st, c)
		s.InsertBytes, s.InsertsInFlight = 1<<30, inFlight
		ctx, cancel := context.WithCancel(t.Context())
		for _, b := range batches[:inFlight+1] { // the last one waits for the first to settle
			b.Backlog = false
			require.NoError(t, s.ConsumeBatch(ctx, b))
		}
		// the first and every one after the poisoned one are stored
		waitFor(t, func() bool { st.mu.Lock(); defer st.mu.Unlock(); return len(st.inserts) == inFlight })
		cancel()
		require.ErrorIs(t, s.Flush(ctx), context.Canceled)
		require.Len(t, c.lasts, 1, "only the batch before the failed INSERT is committed")
	}
}

// waitFor polls cond until it holds, failing the test after 10 s.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	require.Eventually(t, cond, 10*time.Second, time.Millisecond)
}
