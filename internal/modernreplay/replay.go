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

// Check replays on ClickHouse 26.7 every query shape conn's server logged
// (its users need testenv.LogQueries), requiring each to run, and returns
// how many there were.
func Check(t *testing.T, conn driver.Conn) int {
	t.Helper()
	queries, err := chdb.LoggedSelects(context.Background(), conn)
	require.NoError(t, err)
	require.NotEmpty(t, queries, "the server logged no query: does its profile set log_queries?")
	ch := chdb.ForTest(t)
	fsys, err := store.RenderMigrations(store.Features{LowCardinality: true, TTL: true, Codecs: true}, 0)
	require.NoError(t, err)
	require.NoError(t, ch.CreateSchema("credwatch", fsys))
	for _, q := range queries {
		_, err := ch.Exec(q)
		require.NoError(t, err, q)
	}
	return len(queries)
}
