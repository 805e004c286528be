package clustertest

import "testing"

// step is one part of a cluster test; later steps build on earlier ones.
type step struct {
	name string
	run  func(t *testing.T)
}

// runSteps runs steps in order and stops at the first that fails.
func runSteps(t *testing.T, steps []step) {
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			t.FailNow()
		}
	}
}

// TestClusterTwoShards: 2 shards × 1 replica. Migrations from node 1, then
// node 2; ingest through node 1; detection and the alert sink on node 2;
// the console and response on node 1.
func TestClusterTwoShards(t *testing.T) {
	c := startCluster(t, 2, 1, "credwatch_shards")
	runSteps(t, []step{
		{"migrations once, from any node", func(t *testing.T) { c.migrate(t, 0) }},
		{"replayed batches collapse", c.replay},
		{"ingest killed mid-stream", func(t *testing.T) { c.ingestWithKills(t, 0) }},
		{"warm start and alert sink", func(t *testing.T) { c.warmStartAndSink(t, 1) }},
		{"the console and response", func(t *testing.T) { c.consoleOnCluster(t, 0) }},
	})
}

// TestClusterTwoReplicas: 1 shard × 2 replicas, in the other order:
// migrations from node 2 first, ingest through node 2, a replica restart,
// detection and the alert sink on node 1, the console and response on
// node 2.
func TestClusterTwoReplicas(t *testing.T) {
	c := startCluster(t, 1, 2, "credwatch_replicas")
	runSteps(t, []step{
		{"migrations once, from any node", func(t *testing.T) { c.migrate(t, 1) }},
		{"replayed batches collapse", c.replay},
		{"ingest killed mid-stream", func(t *testing.T) { c.ingestWithKills(t, 1) }},
		{"a stopped replica catches up", c.replicaCatchesUp},
		{"warm start and alert sink", func(t *testing.T) { c.warmStartAndSink(t, 0) }},
		{"the console and response", func(t *testing.T) { c.consoleOnCluster(t, 1) }},
	})
}
