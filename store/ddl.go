package store

import (
	"fmt"
	"strings"
	"text/template"
)

// shardingKeys is each MergeTree-family table's sharding key in cluster
// mode: every row that may replace another (the same ReplacingMergeTree
// key) goes to the same shard, so FINAL, applied per shard, still shows it
// once, and a replayed batch lands where the first copy did. Keys hash the
// row's identity (tenant and id), not the tenant alone: one large tenant
// spreads over every shard instead of making one hot.
var shardingKeys = map[string]string{
	"events":                 "cityHash64(tenant, id)",
	"events_by_token":        "cityHash64(tenant, id)", // rows stay with their event
	"events_by_secret":       "cityHash64(tenant, id)",
	"events_by_actor":        "cityHash64(tenant, id)",
	"events_cross_tenant":    "cityHash64(tenant, id)",
	"alerts":                 "cityHash64(tenant, id)",
	"alert_evidence":         "cityHash64(tenant, alert_id)",
	"response_intents":       "cityHash64(tenant, intent_id)",
	"response_controls":      "cityHash64(name)",
	"console_users":          "cityHash64(name)",
	"console_actions":        "cityHash64(seq)",
	"alert_triage":           "cityHash64(tenant, alert_id)",
	"suppressions":           "cityHash64(id)",
	"response_bulk_requests": "cityHash64(id)",
}

// ddl renders table names and engines for one server (cluster == "") or
// for a cluster; on one server every function gives what the migrations
// said before cluster mode existed.
type ddl struct {
	cluster, db string
}

func (d ddl) funcs() template.FuncMap {
	return template.FuncMap{
		"table": d.table, "engine": d.engine, "distributed": d.distributed,
		"name": d.name, "local": d.local, "onCluster": d.onCluster,
		"alter": d.alter, "drop": d.drop,
	}
}

// onCluster is " ON CLUSTER name" in cluster mode.
func (d ddl) onCluster() string {
	if d.cluster == "" {
		return ""
	}
	return " ON CLUSTER " + d.cluster
}

// name is the table everyone reads and inserts into: the Distributed table
// in cluster mode (qualified: ON CLUSTER DDL runs outside this session).
func (d ddl) name(table string) string {
	if d.cluster == "" {
		return table
	}
	return d.db + "." + table
}

// local is the table holding a shard's rows (materialized views read and
// write these on each shard).
func (d ddl) local(table string) string {
	if d.cluster == "" {
		return table
	}
	return d.db + "." + table + "_local"
}

// table is what CREATE TABLE names for a MergeTree-family table.
func (d ddl) table(table string) string { return d.local(table) + d.onCluster() }

// engine turns "ReplacingMergeTree(ver)" into its Replicated form, with the
// table's ZooKeeper path per shard and the replica macro.
func (d ddl) engine(table, engine string) (string, error) {
	if d.cluster == "" {
		return engine, nil
	}
	name, args, ok := strings.Cut(strings.TrimSuffix(engine, ")"), "(")
	if !ok || !strings.HasSuffix(name, "MergeTree") {
		return "", fmt.Errorf("engine %q of %s: not a MergeTree engine", engine, table)
	}
	path := fmt.Sprintf("'/clickhouse/tables/{shard}/%s.%s_local', '{replica}'", d.db, table)
	if args != "" {
		path += ", " + args
	}
	return "Replicated" + name + "(" + path + ")", nil
}

// distributed ends a CREATE TABLE and adds the Distributed table in front
// of it, in cluster mode; it renders nothing on one server.
func (d ddl) distributed(table string) (string, error) {
	if d.cluster == "" {
		return "", nil
	}
	return d.createDistributed(table, "IF NOT EXISTS ")
}

func (d ddl) createDistributed(table, ifNotExists string) (string, error) {
	key, ok := shardingKeys[table]
	if !ok {
		return "", fmt.Errorf("table %s has no sharding key", table)
	}
	return fmt.Sprintf(";\nCREATE TABLE %s%s%s AS %s ENGINE = Distributed(%s, %s, %s_local, %s)",
		ifNotExists, d.name(table), d.onCluster(), d.local(table), d.cluster, d.db, table, key), nil
}

// alter changes a table's columns. In cluster mode the replicated tables
// are altered ON CLUSTER and the Distributed table is created again over
// them (18.16 refuses ALTER ON CLUSTER of a Distributed table; it holds no
// rows, inserts being synchronous).
func (d ddl) alter(table, clause string) (string, error) {
	if d.cluster == "" {
		return "ALTER TABLE " + table + " " + clause, nil
	}
	dist, err := d.createDistributed(table, "")
	if err != nil {
		return "", err
	}
	return "ALTER TABLE " + d.table(table) + " " + clause + ";\nDROP TABLE IF EXISTS " + d.name(table) + d.onCluster() + dist, nil
}

// drop drops a table or view, and in cluster mode a table's local table too.
func (d ddl) drop(table string) string {
	s := "DROP TABLE IF EXISTS " + d.name(table) + d.onCluster()
	if _, sharded := shardingKeys[table]; sharded && d.cluster != "" {
		s += ";\nDROP TABLE IF EXISTS " + d.local(table) + d.onCluster()
	}
	return s
}
