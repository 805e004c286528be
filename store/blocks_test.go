package store_test

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// TestGroupedInsertStoresWhatBatchesDo: the same events, added to one
// INSERT in batches of random sizes and order, in each encoding, store the
// rows batch-by-batch inserts store; the server writes one part per
// partition of every table for the whole INSERT; and the INSERT sent again
// (a retry) collapses on the table key.
func TestGroupedInsertStoresWhatBatchesDo(t *testing.T) {
	ch := testenv.ClickHouse(t)
	ctx := context.Background()
	records := append(generated(t, 4000), edgeRecords()...)
	at := time.Unix(1.8e9, 0)
	plain := openMigrated(t, ch.DSN("grouped_reference"))
	require.NoError(t, plain.InsertEvents(ctx, records, at))
	want := tableDigest(t, plain)
	for i, rowBinary := range []bool{false, true} {
		s := openMigrated(t, ch.DSN([]string{"grouped_native", "grouped_rowbinary"}[i]))
		if rowBinary {
			s.InsertInRowBinary()
		}
		require.True(t, s.GroupsInserts())
		shuffled := append([]store.Record(nil), records...)
		rng := rand.New(rand.NewPCG(uint64(i), 3))
		rng.Shuffle(len(shuffled), func(a, b int) { shuffled[a], shuffled[b] = shuffled[b], shuffled[a] })
		var g store.EventBlocks
		for lo := 0; lo < len(shuffled); {
			hi := min(lo+1+rng.IntN(900), len(shuffled))
			require.NoError(t, s.AppendEvents(ctx, &g, shuffled[lo:hi], at))
			lo = hi
		}
		require.Equal(t, len(records), g.Rows())
		require.NoError(t, s.InsertBlocks(ctx, &g))
		requireOnePartPerPartition(t, s)
		require.Equal(t, want, tableDigest(t, s), "rowBinary %v", rowBinary)
		require.NoError(t, s.InsertBlocks(ctx, &g)) // a retry of the same INSERT
		var unique, ids uint64
		require.NoError(t, s.Conn().QueryRow(ctx, "SELECT count(), uniqExact(id) FROM events FINAL").Scan(&unique, &ids))
		require.Equal(t, []uint64{uint64(len(records)), uint64(len(records))}, []uint64{unique, ids})
	}
}

// requireOnePartPerPartition: after one INSERT, every table the events
// fill holds one part per partition.
func requireOnePartPerPartition(t *testing.T, s *store.Store) {
	rows, err := s.Conn().Query(context.Background(), "SELECT table, count(), uniqExact(partition) FROM system.parts "+
		"WHERE database = currentDatabase() AND active AND table LIKE 'events%' GROUP BY table")
	require.NoError(t, err)
	defer rows.Close()
	tables := 0
	for rows.Next() {
		var table string
		var parts, partitions uint64
		require.NoError(t, rows.Scan(&table, &parts, &partitions))
		require.Equal(t, partitions, parts, table)
		tables++
	}
	require.NoError(t, rows.Err())
	require.GreaterOrEqual(t, tables, 5)
}
