package audit

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
)

// TestLog appends, verifies, reopens and emits, against one ClickHouse
// (a database per subtest).
func TestLog(t *testing.T) {
	ch := testenv.ClickHouse(t)
	ctx := context.Background()

	t.Run("concurrent appends chain", func(t *testing.T) {
		st := openStore(t, ch, "concurrent")
		l, err := NewLog(ctx, st, tick(), nil)
		require.NoError(t, err)
		var wg sync.WaitGroup
		errs := make(chan error, 20)
		for g := range 4 {
			wg.Go(func() {
				for i := range 5 {
					_, err := l.Append(ctx, Entry{Actor: fmt.Sprintf("user%d", g), Role: "analyst",
						Action: "events.search", Target: fmt.Sprintf("q%d", i)})
					errs <- err
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		n, err := Verify(ctx, st)
		require.NoError(t, err)
		require.Equal(t, 20, n)
		var seqs []uint64
		require.NoError(t, st.Conn().QueryRow(ctx, "SELECT groupArray(seq) FROM (SELECT seq FROM console_actions ORDER BY seq)").Scan(&seqs))
		require.Len(t, seqs, 20)
		for i, s := range seqs {
			require.Equal(t, uint64(i+1), s)
		}
	})

	t.Run("reopen continues the chain", func(t *testing.T) {
		st := openStore(t, ch, "reopen")
		l, err := NewLog(ctx, st, tick(), nil)
		require.NoError(t, err)
		first := fill(t, l, 3)
		require.Equal(t, GenesisHash, first[0].PrevHash)
		require.Equal(t, first[0].Hash, first[1].PrevHash)

		again, err := NewLog(ctx, st, tick(), nil)
		require.NoError(t, err)
		next, err := again.Append(ctx, Entry{Actor: "bob", Role: "admin", Action: "login"})
		require.NoError(t, err)
		require.Equal(t, uint64(4), next.Seq)
		require.Equal(t, first[2].Hash, next.PrevHash)
		n, err := Verify(ctx, st)
		require.NoError(t, err)
		require.Equal(t, 4, n)
	})

	t.Run("entry stored as returned", func(t *testing.T) {
		st := openStore(t, ch, "stored")
		l, err := NewLog(ctx, st, tick(), nil)
		require.NoError(t, err)
		e, err := l.Append(ctx, Entry{Seq: 99, Hash: "forged", Actor: "ana", Role: "analyst", Action: "alert.close",
			Tenant: "acme", Target: "alert-9", Detail: strings.Repeat("x", MaxDetail+100)})
		require.NoError(t, err)
		require.Equal(t, uint64(1), e.Seq, "Append assigns the seq")
		require.Equal(t, t0.Add(1500*time.Millisecond).Truncate(time.Second), e.At)
		require.Len(t, e.Detail, MaxDetail, "detail over 4 KB is truncated")
		var got Entry
		require.NoError(t, st.Conn().QueryRow(ctx, "SELECT "+strings.Join(columns, ", ")+
			" FROM console_actions WHERE seq = ?", uint64(1)).Scan(got.scanTargets()...))
		require.True(t, e.At.Equal(got.At))
		got.At = e.At
		require.Equal(t, e, got)
	})

	t.Run("append needs an action", func(t *testing.T) {
		l, err := NewLog(ctx, openStore(t, ch, "noaction"), tick(), nil)
		require.NoError(t, err)
		_, err = l.Append(ctx, Entry{Actor: "ana"})
		require.ErrorContains(t, err, "no action")
	})

	t.Run("events", func(t *testing.T) { testEvents(t, openStore(t, ch, "events")) })
}
