// Package modernreplay checks, in tests, that what credwatch sent a test's
// ClickHouse 18.16 also runs on a current ClickHouse: one query of each
// shape the 18.16 server logged is replayed on chDB's 26.7 over the schema
// credwatch's migrations create there.
package modernreplay

import (
	"context"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/chdb"
	"github.com/credwatch/credwatch/store"
)

// Schema starts chDB's ClickHouse with database credwatch migrated as
// credwatch migrates a server of that version (retentionDays as
// --retention-days), and makes it the session's database.
func Schema(t *testing.T, retentionDays int) *chdb.Session {
	t.Helper()
	ch := chdb.ForTest(t)
	v, err := ch.Version()
	require.NoError(t, err)
	fsys, err := store.RenderMigrations(store.FeaturesOf(v), retentionDays)
	require.NoError(t, err)
	require.NoError(t, ch.CreateSchema("credwatch", fsys))
	return ch
}

// Check replays on ClickHouse 26.7 every query shape conn's server logged
// (its users need testenv.LogQueries), requiring each to run, and returns
// how many there were.
func Check(t *testing.T, conn driver.Conn) int {
	t.Helper()
	queries, err := chdb.LoggedSelects(context.Background(), conn)
	require.NoError(t, err)
	require.NotEmpty(t, queries, "the server logged no query: does its profile set log_queries?")
	ch := Schema(t, 0)
	for _, q := range queries {
		_, err := ch.Exec(q)
		require.NoError(t, err, q)
	}
	return len(queries)
}
