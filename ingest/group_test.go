package ingest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// wantGroups is what a sink grouping up to insertBytes inserts and commits:
// the first batch at once (the server has nothing to do yet), then groups
// cut by a batch that is not Backlog, by insertBytes, by holding as many
// bytes as wait after the batch, or by the end.
func wantGroups(batches []*Batch, ids [][]string, insertBytes int) ([][]string, []map[int]int64) {
	var groups [][]string
	var lasts []map[int]int64
	var cur []string
	bytes, last := 0, map[int]int64{}
	for i, b := range batches {
		cur, bytes = append(cur, ids[i]...), bytes+b.Bytes
		for _, m := range b.Last {
			last[m.Partition] = m.Offset
		}
		if i == 0 || !b.Backlog || bytes >= insertBytes || int64(bytes) >= b.After || i == len(batches)-1 {
			groups, lasts = append(groups, cur), append(lasts, last)
			cur, bytes, last = nil, 0, map[int]int64{}
		}
	}
	return groups, lasts
}

// TestGroupedInsertsCarryBacklogBatchesAndCommitAfterEach: batches cut
// under a backlog share an INSERT until one is not, or until the INSERT
// holds InsertBytes or what waits after it (so INSERTs shrink as the
// backlog ends); each INSERT commits the last offset of every partition
// its batches hold, after it is stored and (one in flight) before the next
// INSERT.
func TestGroupedInsertsCarryBacklogBatchesAndCommitAfterEach(t *testing.T) {
	for seed := range uint64(12) {
		r := runRandomBatches(t, seed, 7, 1)
		require.Equal(t, r.groups, r.store.inserts, "seed %d", seed)
		require.Equal(t, r.lasts, r.commits.lasts, "seed %d", seed)
		require.Len(t, r.journal.events, 2*len(r.groups))
		for i, e := range r.journal.events {
			require.Equal(t, []string{fmt.Sprintf("insert %d", len(r.groups[i/2])), "commit"}[i%2], e, "seed %d", seed)
		}
	}
}

// randomRun is a grouping sink fed random batches, and what it should
// have inserted and committed.
type randomRun struct {
	journal *journal
	store   *groupStore
	commits *lastsCommitter
	groups  [][]string
	lasts   []map[int]int64
}

// runRandomBatches feeds a grouping sink with inFlight INSERTs in flight
// random batches (seeded by seed and stream) and flushes it.
func runRandomBatches(t *testing.T, seed, stream uint64, inFlight int) randomRun {
	rng := rand.New(rand.NewPCG(seed, stream))
	batches, ids := randomBatches(rng, 5+rng.IntN(60))
	waitAfter(rng, batches)
	r := randomRun{journal: &journal{}}
	r.store, r.commits = newGroupStore(r.journal), &lastsCommitter{j: r.journal}
	s, _ := newTestSink(r.journal, r.store, r.commits)
	s.InsertBytes, s.InsertsInFlight = 2000+rng.IntN(30000), inFlight
	for _, b := range batches {
		require.NoError(t, s.ConsumeBatch(t.Context(), b))
	}
	require.NoError(t, s.Flush(t.Context()))
	r.groups, r.lasts = wantGroups(batches, ids, s.InsertBytes)
	return r
}

// TestGroupedInsertIsRetriedWithTheSameEvents: a failed INSERT is sent
// again whole, and nothing is committed before it is stored.
func TestGroupedInsertIsRetriedWithTheSameEvents(t *testing.T) {
	batches, ids := randomBatches(rand.New(rand.NewPCG(5, 5)), 9)
	j := &journal{}
	st, c := newGroupStore(j), &lastsCommitter{j: j}
	st.failures = 3
	s, _ := newTestSink(j, st, c)
	s.InsertBytes = 1 << 30
	var all []string
	for i, b := range batches {
		b.Backlog = i < len(batches)-1
		all = append(all, ids[i]...)
		require.NoError(t, s.ConsumeBatch(t.Context(), b))
	}
	require.NoError(t, s.Flush(t.Context()))
	require.Equal(t, [][]string{ids[0], all[len(ids[0]):]}, st.inserts)
	want := []string{"insert failed", "insert failed", "insert failed", fmt.Sprintf("insert %d", len(ids[0])), "commit",
		fmt.Sprintf("insert %d", len(all)-len(ids[0])), "commit"}
	require.Equal(t, want, j.events)
}

// TestGroupedInsertNeverCommitsWhatItCouldNotStore: stopped while its
// INSERT fails, the sink returns the error and commits nothing.
func TestGroupedInsertNeverCommitsWhatItCouldNotStore(t *testing.T) {
	batches, _ := randomBatches(rand.New(rand.NewPCG(6, 6)), 3)
	j := &journal{}
	st, c := newGroupStore(j), &lastsCommitter{j: j}
	st.failures = 1 << 40
	s, _ := newTestSink(j, st, c)
	s.InsertBytes = 1 << 30
	ctx, cancel := context.WithCancel(t.Context())
	batches[0].Backlog = false
	require.NoError(t, s.ConsumeBatch(ctx, batches[0])) // its INSERT is in flight
	batches[1].Backlog = true
	require.NoError(t, s.ConsumeBatch(ctx, batches[1]))
	cancel()
	require.ErrorIs(t, s.Flush(ctx), context.Canceled)
	require.Empty(t, st.inserts)
	require.Empty(t, c.lasts)
}

// TestNextGroupIsAssembledWhileOneIsInFlight: batches join the next INSERT
// while one is in flight; the next is sent only once the one before has
// settled, so commits keep the stream's order.
func TestNextGroupIsAssembledWhileOneIsInFlight(t *testing.T) {
	batches, ids := randomBatches(rand.New(rand.NewPCG(8, 8)), 3)
	j := &journal{}
	st, c := newGroupStore(j), &lastsCommitter{j: j}
	st.gate = make(chan struct{})
	s, _ := newTestSink(j, st, c)
	s.InsertBytes = 1 << 30
	batches[0].Backlog, batches[1].Backlog, batches[2].Backlog = false, true, false
	require.NoError(t, s.ConsumeBatch(t.Context(), batches[0]))
	require.NoError(t, s.ConsumeBatch(t.Context(), batches[1])) // assembled while the first waits at the gate
	third := make(chan error, 1)
	go func() { third <- s.ConsumeBatch(t.Context(), batches[2]) }()
	select {
	case err := <-third:
		t.Fatalf("the second INSERT was sent before the first settled (err %v)", err)
	default:
	}
	close(st.gate)
	require.NoError(t, <-third)
	require.NoError(t, s.Flush(t.Context()))
	require.Equal(t, [][]string{ids[0], append(ids[1], ids[2]...)}, st.inserts)
	require.Equal(t, []string{fmt.Sprintf("insert %d", len(ids[0])), "commit",
		fmt.Sprintf("insert %d", len(ids[1])+len(ids[2])), "commit"}, j.events)
}
