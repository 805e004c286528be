package dashboards_test

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// overviewOfAttack is what the overview must show of the run: the attack's
// alert counted, open, its credential and actor on top, its revocation
// delivered, the second attack suppressed, access across tenants.
func overviewOfAttack(r *liveRun, a attackAlert) map[string]func(*testing.T, result) {
	atLeastOne := func(col string) func(*testing.T, result) {
		return func(t *testing.T, res result) { require.GreaterOrEqual(t, num(res.rows[0], col), 1.0, col) }
	}
	has := func(col, value string) func(*testing.T, result) {
		return func(t *testing.T, res result) { require.NotEmpty(t, res.where(col, value), "%s = %s", col, value) }
	}
	return map[string]func(*testing.T, result){
		"Alerts": atLeastOne("alerts"), "Open alerts": atLeastOne("open"), "Critical open alerts": atLeastOne("critical"),
		"Credentials alerted": atLeastOne("credentials"),
		"Alerts by severity":  has("severity", "critical"), "Alerts by rule": has("rule", attackScenario),
		"Open alerts by tenant": func(t *testing.T, res result) {
			rows := res.where("tenant", a.tenant)
			require.Len(t, rows, 1)
			require.GreaterOrEqual(t, num(rows[0], "open"), 1.0)
		},
		"Top credentials by alerts": has("credential", r.attack.credential),
		"Top actors by alerts":      has("actor", a.actor),
		"Revocations by state":      has("state", "delivered"),
		"Revocations": func(t *testing.T, res result) {
			rows := res.where("credential", r.attack.credential)
			require.NotEmpty(t, rows)
			require.Equal(t, "delivered", str(rows[0], "state"))
		},
		"Suppressed and shadow alerts": func(t *testing.T, res result) {
			rows := res.where("rule", suppressedRule)
			require.NotEmpty(t, rows)
			require.Equal(t, "suppressed", str(rows[0], "mode"))
			require.Equal(t, "sup_dashboards", str(rows[0], "suppression_id"))
			require.Equal(t, "soc-team", str(rows[0], "suppression_owner"))
		},
		"Cross-tenant access by visibility": func(t *testing.T, res result) { res.needs(t, "benign reads of other tenants' public models") },
		"Cross-tenant pairs":                func(t *testing.T, res result) { res.needs(t, "credential tenant → resource tenant") },
	}
}

// overviewOfTenant is the overview narrowed to the attack alert's tenant.
func overviewOfTenant(r *liveRun, a attackAlert) map[string]func(*testing.T, result) {
	return map[string]func(*testing.T, result){
		"Open alerts by tenant": func(t *testing.T, res result) {
			require.Equal(t, []string{a.tenant}, res.column("tenant"))
		},
		"Alerts by rule": func(t *testing.T, res result) { require.NotEmpty(t, res.where("rule", attackScenario)) },
		"Top credentials by alerts": func(t *testing.T, res result) {
			require.NotEmpty(t, res.where("credential", r.attack.credential))
		},
		"Cross-tenant pairs": func(t *testing.T, res result) {
			for _, row := range res.rows {
				require.Contains(t, []string{str(row, "credential_tenant"), str(row, "resource_tenant")}, a.tenant)
			}
		},
	}
}
