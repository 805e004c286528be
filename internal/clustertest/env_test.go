package clustertest

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/chcluster"
	"github.com/credwatch/credwatch/store"
)

// clusterName is the cluster's name in every node's remote_servers.
const clusterName = "cw"

// cluster is a running test cluster and the database its tests use.
type cluster struct {
	*chcluster.Cluster
	db string
}

// startCluster starts shards × replicas nodes on the shared ZooKeeper; they
// stop at cleanup.
func startCluster(t *testing.T, shards, replicas int, db string) *cluster {
	t.Helper()
	requireTools(t)
	zk := zooKeeper(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	start := time.Now()
	c, err := chcluster.Start(ctx, t.TempDir(), zk, chcluster.Layout{Name: clusterName, Shards: shards, Replicas: replicas, Database: db})
	require.NoError(t, err)
	t.Cleanup(func() {
		c.Stop()
		if t.Failed() {
			for i, n := range c.Nodes {
				b, _ := os.ReadFile(filepath.Join(n.Dir(), "err"))
				t.Logf("node %d error log (last 3 KiB):\n%s", i+1, b[max(0, len(b)-3072):])
			}
		}
	})
	t.Logf("figure: %d×%d cluster started in %s", shards, replicas, time.Since(start).Round(time.Millisecond))
	return &cluster{Cluster: c, db: db}
}

// dsn is a cluster-mode DSN on node i (what --clickhouse-cluster makes).
func (c *cluster) dsn(t *testing.T, i int) string {
	t.Helper()
	dsn, err := store.WithCluster(c.Nodes[i].DSN(c.db), clusterName)
	require.NoError(t, err)
	return dsn
}

// open opens the database in cluster mode on node i; it closes at cleanup.
func (c *cluster) open(t *testing.T, i int) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), c.dsn(t, i), quiet())
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return st
}

// count runs a query returning one UInt64.
func count(t *testing.T, st *store.Store, query string) uint64 {
	t.Helper()
	var n uint64
	require.NoError(t, st.Conn().QueryRow(context.Background(), query).Scan(&n), query)
	return n
}

// migrateOptions are the options every cluster test migrates with.
var migrateOptions = store.MigrateOptions{}

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
