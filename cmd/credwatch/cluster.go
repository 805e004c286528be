package main

import (
	"errors"

	"github.com/credwatch/credwatch/store"
)

// clusterFlag is --clickhouse-cluster, taken by every command that opens the
// store: the cluster name goes into the DSN, so every component opening the
// store from it works through the cluster's Distributed tables.
type clusterFlag struct {
	Name string `name:"clickhouse-cluster" env:"CREDWATCH_CLICKHOUSE_CLUSTER" help:"ClickHouse cluster (remote_servers name) the database lives on: Replicated tables ON CLUSTER behind Distributed ones."`
}

// dsn is the --clickhouse DSN naming the cluster ("" and "off" stay as they
// are, but a cluster needs a DSN).
func (f clusterFlag) dsn(clickhouse string) (string, error) {
	if f.Name == "" || clickhouse == "off" {
		return clickhouse, nil
	}
	if clickhouse == "" {
		return "", errors.New("--clickhouse-cluster needs --clickhouse (a node of the cluster)")
	}
	return store.WithCluster(clickhouse, f.Name)
}
