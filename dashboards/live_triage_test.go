package dashboards_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/dashboards"
	"github.com/credwatch/credwatch/store"
)

// checkTenantOptions: the tenant variable lists the attack's tenant.
func checkTenantOptions(t *testing.T, r *liveRun, a attackAlert) int {
	res, err := run(r.grafana, expandMacros(t, interpolateSQL(t, dashboards.TenantOptions, vars{}), around(r, 3*time.Hour)))
	require.NoError(t, err)
	require.Contains(t, res.column("tenant"), a.tenant)
	return 1
}

// aSecret is a secret read during the run.
func aSecret(t *testing.T, r *liveRun) string {
	var id string
	require.NoError(t, r.st.Conn().QueryRow(context.Background(),
		"SELECT secret_id FROM events_by_secret WHERE time >= ? ORDER BY time DESC, id LIMIT 1", r.started.Add(-time.Hour)).Scan(&id))
	return id
}

// checkTriage: closing the attack's alert in the console's triage table
// takes it out of the open alerts of its tenant, and the investigation
// shows it closed.
func checkTriage(t *testing.T, r *liveRun, a attackAlert) {
	overview := chPanels(t, dashboardOf(t, "credwatch-soc-overview.json"))
	openOf := func() float64 {
		p := panelTitled(t, overview, "Open alerts")
		res, err := run(r.grafana, expandMacros(t, interpolateSQL(t, p.query.RawSQL, vars{"tenant": a.tenant}), around(r, 3*time.Hour)))
		require.NoError(t, err)
		return num(res.rows[0], "open")
	}
	before := openOf()
	require.NoError(t, r.st.InsertRows(context.Background(), store.Rows{Table: "alert_triage",
		Columns: []string{"tenant", "alert_id", "seq", "at", "action", "status", "assignee", "close_reason", "note", "by"},
		Values:  [][]any{{a.tenant, a.id, uint32(1), time.Now(), "close", "closed", "", "true_positive", "revoked", "ann"}}}))
	require.Equal(t, before-1, openOf(), "the closed alert is no longer open")
	p := panelTitled(t, chPanels(t, dashboardOf(t, "credwatch-credential.json")), "Alerts")
	res, err := run(r.grafana, expandMacros(t, interpolateSQL(t, p.query.RawSQL, vars{"credential": r.attack.credential}),
		around(r, 14*24*time.Hour)))
	require.NoError(t, err)
	rows := res.where("id", a.id)
	require.Len(t, rows, 1)
	require.Equal(t, "closed", str(rows[0], "status"))
}

// panelTitled is the panel called title.
func panelTitled(t *testing.T, panels []chPanel, title string) chPanel {
	for _, p := range panels {
		if p.title == title {
			return p
		}
	}
	t.Fatalf("no panel %q", title)
	return chPanel{}
}
