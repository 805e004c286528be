package audit

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// TestVerifyCatchesTampering: each way of rewriting the log is caught and
// named at the right seq (a database per case, 20 entries each).
func TestVerifyCatchesTampering(t *testing.T) {
	ch := testenv.ClickHouse(t)
	for i, c := range []struct {
		name   string
		tamper func(t *testing.T, st *store.Store, chain []Entry)
		seq    uint64
		reason string
	}{
		{"detail changed", func(t *testing.T, st *store.Store, _ []Entry) {
			mutate(t, st, "ALTER TABLE console_actions UPDATE detail = ? WHERE seq = ?", `{"note":"nothing"}`, uint64(5))
		}, 5, "hash does not match"},
		{"row deleted", func(t *testing.T, st *store.Store, _ []Entry) {
			mutate(t, st, "ALTER TABLE console_actions DELETE WHERE seq = ?", uint64(7))
		}, 7, "entry missing"},
		{"duplicate seq inserted", func(t *testing.T, st *store.Store, chain []Entry) {
			forged := chain[9]
			forged.Detail = `{"note":"forged"}`
			forged.Hash = hashOf(forged) // a well-formed entry: only its seq gives it away
			require.NoError(t, st.InsertRows(context.Background(),
				store.Rows{Table: table, Columns: columns, Values: [][]any{forged.row()}}))
		}, 10, "duplicate seq"},
		{"prev_hash rewritten", func(t *testing.T, st *store.Store, chain []Entry) {
			mutate(t, st, "ALTER TABLE console_actions UPDATE prev_hash = ? WHERE seq = ?", chain[0].Hash, uint64(12))
		}, 12, "hash does not match"},
		{"prev_hash rewritten, hash recomputed", func(t *testing.T, st *store.Store, chain []Entry) {
			e := chain[11]
			e.PrevHash = chain[0].Hash
			mutate(t, st, "ALTER TABLE console_actions UPDATE prev_hash = ?, hash = ? WHERE seq = ?", e.PrevHash, hashOf(e), e.Seq)
		}, 12, "prev_hash does not match the hash of seq 11"},
		{"detail changed, hash recomputed", func(t *testing.T, st *store.Store, chain []Entry) {
			e := chain[14]
			e.Detail = `{"note":"rewritten"}`
			mutate(t, st, "ALTER TABLE console_actions UPDATE detail = ?, hash = ? WHERE seq = ?", e.Detail, hashOf(e), e.Seq)
		}, 16, "prev_hash does not match the hash of seq 15"},
	} {
		db := fmt.Sprintf("tamper%d", i)
		t.Run(c.name, func(t *testing.T) {
			st := openStore(t, ch, db)
			l, err := NewLog(context.Background(), st, tick(), nil)
			require.NoError(t, err)
			chain := fill(t, l, 20)
			n, err := Verify(context.Background(), st)
			require.NoError(t, err)
			require.Equal(t, 20, n)
			c.tamper(t, st, chain)
			requireBroken(t, st, c.seq, c.reason)
		})
	}
}

// mutate runs an ALTER TABLE ... UPDATE/DELETE and waits until the
// mutation is done.
func mutate(t *testing.T, st *store.Store, query string, args ...any) {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, st.Conn().Exec(ctx, query, args...), "mutation %s", query)
	testenv.Eventually(t, 30*time.Second, "the mutation to finish", func() bool {
		var pending uint64
		require.NoError(t, st.Conn().QueryRow(ctx, "SELECT count() FROM system.mutations WHERE database = ? AND table = ? AND is_done = 0",
			st.Database(), table).Scan(&pending))
		return pending == 0
	})
}
