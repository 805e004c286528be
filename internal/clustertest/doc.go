// Package clustertest runs credwatch on a ClickHouse cluster: two local
// clickhouse-server nodes and one ZooKeeper (internal/chcluster), as
// 2 shards × 1 replica and as 1 shard × 2 replicas. Its tests cover the
// migrations, ingest killed mid-stream, replays, live detection's warm start,
// the alert sink and a replica catching up after a restart. It has no code
// outside its tests.
package clustertest
