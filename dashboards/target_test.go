package dashboards_test

import (
	"context"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/chcluster"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// target is the ClickHouse a live run writes to (credwatch's DSN) and the
// DSN Grafana's data source reads it through ("": the same connection).
type target struct{ dsn, grafana string }

// singleNode is a test ClickHouse server that logs every query (the modern
// server test replays them).
func singleNode(t *testing.T) target {
	return target{dsn: testenv.ClickHouseWithUsers(t, testenv.LogQueries).DSN("credwatch")}
}

// twoShards is a cluster of 2 shards × 1 replica on its own ZooKeeper:
// credwatch writes through node 1 in cluster mode; Grafana reads through
// node 2 as a plain client and a read-only user whose profile has none of
// credwatch's cluster settings.
func twoShards(t *testing.T) target {
	testenv.ClickHouseBinary(t)
	testenv.ZooKeeper(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	zk, err := chcluster.StartZooKeeper(ctx, t.TempDir())
	require.NoError(t, err)
	t.Cleanup(zk.Stop)
	c, err := chcluster.Start(ctx, t.TempDir(), zk, chcluster.Layout{Name: "cw", Shards: 2, Replicas: 1, Database: "credwatch"})
	require.NoError(t, err)
	t.Cleanup(c.Stop)
	dsn, err := store.WithCluster(c.Nodes[0].DSN("credwatch"), "cw")
	require.NoError(t, err)
	return target{dsn: dsn, grafana: c.Nodes[1].DSN("credwatch")}
}

// grafanaConn connects to dsn's server and database as Grafana's data
// source does: a plain client, as the cluster's read-only user.
func grafanaConn(t *testing.T, dsn string) driver.Conn {
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	conn, err := clickhouse.Open(&clickhouse.Options{Addr: []string{u.Host},
		Auth: clickhouse.Auth{Database: strings.TrimPrefix(u.Path, "/"), Username: chcluster.GrafanaUser}})
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })
	return conn
}

// openStore opens dsn; it closes at cleanup.
func openStore(t *testing.T, dsn string) *store.Store {
	st, err := store.Open(context.Background(), dsn, slog.New(slog.DiscardHandler))
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.Close() })
	return st
}
