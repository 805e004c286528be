package suppressions_test

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/suppressions"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// TestAddEndListAndActive: ending appends a newer version; Active hands
// detection the suppressions not ended, expired ones for a day more;
// List filters by state and tenant scope.
func TestAddEndListAndActive(t *testing.T) {
	ch := testenv.ClickHouse(t)
	ctx := context.Background()
	st, err := store.Open(ctx, ch.DSN("suppressions"), slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	defer st.Close()
	_, err = st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	now := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	s := suppressions.NewStore(st)
	add := func(id, tenant string, expires time.Time) suppressions.Record {
		r := suppressions.Record{Suppression: detect.Suppression{ID: id, Rule: "*", Tenant: tenant, ASN: 9009, Owner: "ann",
			Reason: "pentest", Expires: expires}, CreatedBy: "ann", Created: now.Add(-time.Hour)}
		require.NoError(t, s.Add(ctx, r))
		got, ok, err := s.Get(ctx, id)
		require.NoError(t, err)
		require.True(t, ok)
		return got
	}
	active := add("s-active", "acme", now.Add(time.Hour))
	ended := add("s-ended", "globex", now.Add(time.Hour))
	add("s-expired", "acme", now.Add(-time.Hour))
	add("s-long-expired", "", now.Add(-48*time.Hour))
	require.NoError(t, s.End(ctx, ended, "ivo", now))
	got, ok, err := s.Get(ctx, "s-ended")
	require.NoError(t, err)
	require.True(t, ok)
	require.Equal(t, []any{true, "ivo", now, uint32(2)}, []any{got.Ended, got.EndedBy, got.At, got.Version})
	_, ok, err = s.Get(ctx, "no-such")
	require.NoError(t, err)
	require.False(t, ok)

	live, err := s.Active(ctx, now)
	require.NoError(t, err)
	require.ElementsMatch(t, []string{"s-active", "s-expired"}, ids(live))
	require.Equal(t, active.Suppression, live[0])

	for state, want := range map[string][]string{"": {"s-active"}, "ended": {"s-ended"},
		"expired": {"s-expired", "s-long-expired"}, "all": {"s-active", "s-ended", "s-expired", "s-long-expired"}} {
		recs, err := s.List(ctx, suppressions.Filter{State: state, Now: now})
		require.NoError(t, err)
		require.ElementsMatch(t, want, recordIDs(recs), state)
	}
	recs, err := s.List(ctx, suppressions.Filter{State: "all", Now: now, Scope: []string{"acme"}})
	require.NoError(t, err)
	require.ElementsMatch(t, []string{"s-active", "s-expired"}, recordIDs(recs), "a scoped list has no other tenant's, nor all tenants'")
}

func ids(list []detect.Suppression) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

func recordIDs(recs []suppressions.Record) []string {
	var out []string
	for _, r := range recs {
		out = append(out, r.ID)
	}
	return out
}
