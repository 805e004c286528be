package dashboards_test

import "testing"

// TestDashboardsOnACluster plays credwatch run on 2 shards × 1 replica and
// holds every ClickHouse panel of the overview and the investigation to
// what it must show on one node, read through the other node as Grafana
// reads: the Distributed tables, with IN and JOIN subqueries over them,
// return the rows of both shards; the tenant variable lists the attack's
// tenant; a triage closing written through one node is read on the other.
func TestDashboardsOnACluster(t *testing.T) {
	r := startLiveRun(t, twoShards(t))
	queries := checkClickHousePanels(t, r, startConsole(t, r.st))
	t.Logf("figure: %d panel queries checked on the cluster", queries)
}
