package clustertest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"
)

// migrate applies the migrations from node first, then from every other
// node: the first applies all nine, the others none (the version table is
// replicated to every node). Every node then has each table as a
// Replicated*MergeTree <name>_local behind a Distributed <name>.
func (c *cluster) migrate(t *testing.T, first int) {
	ctx := context.Background()
	applied, err := c.open(t, first).Migrate(ctx, migrateOptions)
	require.NoError(t, err)
	require.Equal(t, []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, applied)
	for i := range c.Nodes {
		st := c.open(t, i)
		if i != first {
			again, err := st.Migrate(ctx, migrateOptions)
			require.NoError(t, err)
			require.Empty(t, again, "node %d: migrations already applied from node %d", i+1, first+1)
		}
		engines := map[string]string{}
		rows, err := st.Conn().Query(ctx, "SELECT name, engine FROM system.tables WHERE database = ?", c.db)
		require.NoError(t, err)
		for rows.Next() {
			var name, engine string
			require.NoError(t, rows.Scan(&name, &engine))
			engines[name] = engine
		}
		require.NoError(t, rows.Close())
		for name, want := range wantEngines {
			require.Equal(t, want, engines[name], "node %d: %s", i+1, name)
		}
	}
}

// wantEngines are some of the tables the cluster migrations create.
var wantEngines = map[string]string{
	"events": "Distributed", "events_local": "ReplicatedReplacingMergeTree", "events_unique": "View",
	"events_by_token_local": "ReplicatedReplacingMergeTree", "events_by_token_mv": "MaterializedView",
	"alerts": "Distributed", "alerts_local": "ReplicatedReplacingMergeTree", "alerts_latest": "View",
	"console_actions_local": "ReplicatedMergeTree", "goose_db_version": "ReplicatedMergeTree",
}
