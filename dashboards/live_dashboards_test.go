package dashboards_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/modernreplay"
	"github.com/credwatch/credwatch/store"
)

// TestDashboardsOnALiveRun plays credwatch run with two attacks, then holds
// every panel to what the run must show: each ClickHouse query, expanded
// as Grafana and the plugin expand it, runs on ClickHouse with the columns
// its panel reads and the attack in its rows, its links open console pages;
// each PromQL expression parses and names only exported metrics.
func TestDashboardsOnALiveRun(t *testing.T) {
	r := startLiveRun(t, singleNode(t))
	site := startConsole(t, r.st)
	queries := checkClickHousePanels(t, r, site)
	t.Run("prometheus", func(t *testing.T) { queries += checkPrometheus(t, r.metrics) })
	t.Run("macros", func(t *testing.T) { checkMacros(t, r.st) })
	t.Run("dashboard links", func(t *testing.T) { checkConsoleLinks(t, r, site) })
	t.Run("modern server", func(t *testing.T) {
		// credwatch run's services (warm start, alert sink, respond's outbox,
		// the console) and the panels: every query shape runs on 26.7 too
		t.Logf("figure: %d query shapes of the live run ran on ClickHouse 26.7", modernreplay.Check(t, r.st.Conn()))
	})
	t.Logf("figure: %d panel queries checked", queries)
}

// checkClickHousePanels runs every ClickHouse panel of the overview and
// the investigation in each variant, and a triage closing through both; it
// returns how many queries ran.
func checkClickHousePanels(t *testing.T, r *liveRun, site *consoleSite) int {
	a := alertOf(t, r.st, r.attack.credential)
	queries := 0
	t.Run("overview", func(t *testing.T) { queries += checkOverview(t, r, a, site) })
	t.Run("credential", func(t *testing.T) { queries += checkCredential(t, r, site) })
	t.Run("triage", func(t *testing.T) { checkTriage(t, r, a) })
	return queries
}

// attackAlert is the first attack's alert as stored.
type attackAlert struct{ tenant, id, actor string }

// alertOf is credential's newest alert of the attack's rule.
func alertOf(t *testing.T, st *store.Store, credential string) attackAlert {
	var a attackAlert
	require.NoError(t, st.Conn().QueryRow(context.Background(), "SELECT tenant, id, actor FROM alerts_latest "+
		"WHERE credential = ? AND rule = ? ORDER BY last_seen DESC LIMIT 1", credential, attackScenario).
		Scan(&a.tenant, &a.id, &a.actor), "the attack's alert is stored")
	return a
}

// ranges of the tests: around the run (the attack's history goes ten days
// back), and a day a month before it, when nothing happened.
func around(r *liveRun, back time.Duration) query {
	return query{from: r.started.Add(-back), to: time.Now().Add(5 * time.Minute), interval: time.Minute}
}

func monthBefore(r *liveRun) query {
	return query{from: r.started.Add(-30 * 24 * time.Hour), to: r.started.Add(-29 * 24 * time.Hour), interval: time.Hour}
}

// checkOverview runs the overview for every tenant, the attack's tenant, a
// hostile tenant value and a day before anything happened.
func checkOverview(t *testing.T, r *liveRun, a attackAlert, site *consoleSite) int {
	panels := chPanels(t, dashboardOf(t, "credwatch-soc-overview.json"))
	base := vars{"console": "http://127.0.0.1:9470"}
	with := func(tenant string) vars { return vars{"console": base["console"], "tenant": tenant} }
	n := 0
	for _, v := range []variant{
		{name: "all tenants", vars: with(allValue), q: around(r, 3*time.Hour), expect: overviewOfAttack(r, a), every: true},
		{name: "one tenant", vars: with(a.tenant), q: around(r, 3*time.Hour), expect: overviewOfTenant(r, a)},
		{name: "hostile tenant", vars: with(hostile), q: around(r, 3*time.Hour), empty: true},
		{name: "a month before", vars: with(allValue), q: monthBefore(r), empty: true},
	} {
		n += checkVariant(t, r.grafana, site, panels, v)
	}
	return n + checkTenantOptions(t, r, a)
}

// checkCredential runs the investigation of the leaked token, of a secret,
// of a hostile value and of nothing.
func checkCredential(t *testing.T, r *liveRun, site *consoleSite) int {
	panels := chPanels(t, dashboardOf(t, "credwatch-credential.json"))
	with := func(c string) vars { return vars{"console": "http://127.0.0.1:9470", "credential": c} }
	n := 0
	for _, v := range []variant{
		{name: "leaked token", vars: with(r.attack.credential), q: around(r, 14*24*time.Hour), expect: credentialOfAttack(r), every: true},
		{name: "a secret", vars: with(aSecret(t, r)), q: around(r, 14*24*time.Hour), expect: credentialOfSecret()},
		{name: "hostile value", vars: with(hostile), q: around(r, 14*24*time.Hour), empty: true},
		{name: "no credential", vars: with(""), q: around(r, 14*24*time.Hour), empty: true},
	} {
		n += checkVariant(t, r.grafana, site, panels, v)
	}
	return n
}
