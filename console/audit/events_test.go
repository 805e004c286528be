package audit

import (
	"bytes"
	"context"
	"log/slog"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/store"
)

// testEvents: every Append emits a console.<action> event carrying the
// entry, with the detail bounded; an emit failure does not fail Append.
func testEvents(t *testing.T, st *store.Store) {
	ctx := context.Background()
	rec := &recorder{}
	l, err := NewLog(ctx, st, tick(), rec)
	require.NoError(t, err)
	entries := fill(t, l, 3)
	big, err := l.Append(ctx, Entry{Actor: "ana", Role: "analyst", Action: "events.search",
		Target: "actor=bob", Detail: `{"q":"` + strings.Repeat("é", 3000) + `"}`})
	require.NoError(t, err)
	require.LessOrEqual(t, len(big.Detail), MaxDetail)
	entries = append(entries, big)

	require.Len(t, rec.events, len(entries))
	for i, e := range entries {
		ev := rec.events[i]
		require.Equal(t, "console."+e.Action, ev.Action)
		require.Equal(t, event.Actor{ID: "ana", Type: "user"}, ev.Actor)
		require.Equal(t, strconv.FormatUint(e.Seq, 10), ev.Attrs["seq"])
		require.Equal(t, e.Hash, ev.Attrs["hash"])
		require.Equal(t, e.Target, ev.Attrs["target"])
		require.True(t, strings.HasPrefix(e.Detail, ev.Attrs["detail"]), "the event's detail is the entry's, or its start")
		require.LessOrEqual(t, len(ev.Attrs["detail"]), MaxDetail)
		require.LessOrEqual(t, utf8.RuneCountInString(ev.Attrs["detail"]), maxText, "within the contract's attr limit")
		require.True(t, utf8.ValidString(ev.Attrs["detail"]))
		require.NotEmpty(t, ev.ID)
	}
	require.Equal(t, "acme", rec.events[0].Tenant)
	require.Equal(t, AllTenants, rec.events[3].Tenant, "an entry spanning tenants")

	rec.fail = true
	var logged bytes.Buffer
	l.WithLogger(slog.New(slog.NewTextHandler(&logged, nil)))
	e, err := l.Append(ctx, Entry{Actor: "ana", Role: "analyst", Action: "alert.ack", Tenant: "acme"})
	require.NoError(t, err, "an emit failure is logged, not returned")
	require.Contains(t, logged.String(), "console action event not emitted")
	require.Contains(t, logged.String(), "broker down")
	require.Equal(t, uint64(5), e.Seq)
	n, err := Verify(ctx, st)
	require.NoError(t, err)
	require.Equal(t, 5, n)
}
