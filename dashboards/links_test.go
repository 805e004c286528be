package dashboards_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/dashboards"
)

// TestDashboardLinksGoSomewhere: a dashboard's links open another credwatch
// dashboard or a console page.
func TestDashboardLinksGoSomewhere(t *testing.T) {
	uids := map[string]bool{}
	for _, d := range dashboards.All() {
		built, err := d.Built()
		require.NoError(t, err)
		uids[*built.Uid] = true
	}
	for _, d := range dashboards.All() {
		built, err := d.Built()
		require.NoError(t, err)
		for _, l := range built.Links {
			url := *l.Url
			if uid, ok := strings.CutPrefix(url, "/d/"); ok {
				require.True(t, uids[uid], "%s links to no dashboard: %s", d.File, url)
				continue
			}
			require.True(t, strings.HasPrefix(url, "${console}/ui/"), "%s: %s", d.File, url)
		}
	}
}

// checkConsoleLinks opens the investigation's console link for the
// attack's credential, rendered as Grafana renders dashboard links.
func checkConsoleLinks(t *testing.T, r *liveRun, site *consoleSite) {
	built, err := dashboardOf(t, "credwatch-credential.json").Built()
	require.NoError(t, err)
	v := vars{"console": dashboards.DefaultConsole, "credential": r.attack.credential}
	opened := 0
	for _, l := range built.Links {
		if strings.HasPrefix(*l.Url, "${console}") {
			site.open(t, replaceVars(t, *l.Url, v, nil, ""), r.attack.credential)
			opened++
		}
	}
	require.Positive(t, opened)
}

// TestAlertLinksUseTheAlertsTenant: a panel whose rows carry alert_tenant
// (a revocation's credential may belong to another tenant than the alert
// that asked for it) links its alerts under alert_tenant, never under the
// credential's tenant, which opens "no such alert" for a cross-tenant use.
func TestAlertLinksUseTheAlertsTenant(t *testing.T) {
	checked := 0
	for _, file := range []string{"credwatch-soc-overview.json", "credwatch-credential.json"} {
		for _, p := range chPanels(t, dashboardOf(t, file)) {
			if !strings.Contains(p.query.RawSQL, "alert_tenant") {
				continue
			}
			for _, fl := range p.links {
				for _, l := range fl.Links {
					if strings.Contains(l.URL, "/ui/alerts/") {
						require.Contains(t, l.URL, "${__data.fields.alert_tenant", "%s: %s", p.title, l.URL)
						checked++
					}
				}
			}
		}
	}
	require.GreaterOrEqual(t, checked, 2, "the overview's revocations and the investigation's response")
}
