package store

import (
	"fmt"
	"net/url"
	"regexp"
)

// Options are how credwatch uses the server, beyond the DSN.
type Options struct {
	// Cluster is the remote_servers cluster the database lives on; empty for
	// a single server. With a cluster, migrations create Replicated*MergeTree
	// tables <name>_local ON CLUSTER with a Distributed table <name> in
	// front, and every read and insert goes through the Distributed tables.
	Cluster string
}

// clusterParam is credwatch's own DSN parameter naming the cluster
// (--clickhouse-cluster adds it, so every component that opens the store by
// DSN gets it).
const clusterParam = "cluster"

// plainName is what cluster and database names must look like in cluster
// mode: they are written into DDL, ZooKeeper paths and engine arguments.
var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// WithCluster returns dsn with the cluster parameter set (unchanged when
// cluster is empty).
func WithCluster(dsn, cluster string) (string, error) {
	if cluster == "" {
		return dsn, nil
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", fmt.Errorf("clickhouse dsn: %w", err)
	}
	q := u.Query()
	q.Set(clusterParam, cluster)
	u.RawQuery = q.Encode()
	return u.String(), nil
}

// splitCluster removes the cluster parameter from dsn and returns it.
func splitCluster(dsn string) (string, string, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return "", "", fmt.Errorf("clickhouse dsn: %w", err)
	}
	q := u.Query()
	cluster := q.Get(clusterParam)
	if cluster == "" {
		return dsn, "", nil
	}
	q.Del(clusterParam)
	u.RawQuery = q.Encode()
	return u.String(), cluster, nil
}

// checkClusterNames refuses names that cannot be written into DDL as they are.
func checkClusterNames(cluster, database string) error {
	if !plainName.MatchString(cluster) {
		return fmt.Errorf("clickhouse cluster %q: use letters, digits and _", cluster)
	}
	if !plainName.MatchString(database) {
		return fmt.Errorf("clickhouse database %q: with a cluster use letters, digits and _", database)
	}
	return nil
}
