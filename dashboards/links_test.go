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
