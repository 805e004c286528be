//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import (
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// OverviewDashboard is the uid of the SOC overview.
const OverviewDashboard = "credwatch-soc-overview"

// Overview is the SOC overview: alerts, their triage, the credentials and
// actors behind them, what response did, what was suppressed, and access
// across tenants.
func Overview() *dashboard.DashboardBuilder {
	d := dashboard.NewDashboardBuilder("credwatch — SOC overview").Uid(OverviewDashboard).
		Description("Alerts, triage, response and cross-tenant access from credwatch's ClickHouse tables.").
		Tags([]string{"credwatch", "soc"}).Timezone(common.TimeZoneUtc).Time("now-24h", "now").Refresh("1m").
		Tooltip(dashboard.DashboardCursorSyncCrosshair).
		WithVariable(dataSourceVar("datasource", "ClickHouse", ClickHouseType, ClickHouseUID, clickHouseName)).
		WithVariable(tenantVar()).WithVariable(consoleVar()).
		Link(dashboardLink("Credential investigation", CredentialDashboard)).
		Link(dashboardLink("Pipeline health", PipelineDashboard))
	overviewAlerts(d)
	overviewResponse(d)
	overviewCross(d)
	return d
}

// dashboardLink links to another credwatch dashboard, keeping the time range.
func dashboardLink(title, uid string) *dashboard.DashboardLinkBuilder {
	return dashboard.NewDashboardLinkBuilder(title).Type(dashboard.DashboardLinkTypeLink).
		Url("/d/" + uid).KeepTime(true).Icon("dashboard")
}
