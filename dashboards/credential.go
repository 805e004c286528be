//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import (
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// Credential is the investigation of one credential (a token id or a
// secret id) over the time range: its uses, the networks and clients they
// came from, the tenants and resources touched, its alerts and the
// response taken, each linking into the console.
func Credential() *dashboard.DashboardBuilder {
	d := dashboard.NewDashboardBuilder("credwatch — credential investigation").Uid(CredentialDashboard).
		Description("Everything credwatch stored about one token or secret id: uses, networks, clients, tenants, alerts, response.").
		Tags([]string{"credwatch", "soc", "investigation"}).Timezone(common.TimeZoneUtc).Time("now-7d", "now").
		Tooltip(dashboard.DashboardCursorSyncCrosshair).
		WithVariable(dataSourceVar("datasource", "ClickHouse", ClickHouseType, ClickHouseUID, clickHouseName)).
		WithVariable(textVar("credential", "Token or secret id", "",
			"A token id (token.id) or a secret id (secret.id) exactly as in the events.")).
		WithVariable(consoleVar()).
		Link(dashboard.NewDashboardLinkBuilder("Console: credential timeline").Type(dashboard.DashboardLinkTypeLink).
			Url("${console}/ui/credentials/${credential:percentencode}").TargetBlank(true).Icon("external link")).
		Link(dashboardLink("SOC overview", OverviewDashboard))
	credentialUse(d)
	credentialReach(d)
	credentialAlerts(d)
	return d
}

// eventCols are the columns the per-token and per-secret tables share.
var eventCols = []string{"time", "id", "tenant", "action", "outcome", "actor_id", "resource_type", "resource_id",
	"source_ip", "source_asn", "source_country", "source_user_agent", "source_internal"}

// credentialUse adds the summary and every use over time.
func credentialUse(d *dashboard.DashboardBuilder) {
	uses := credentialEvents(eventCols...)
	d.WithRow(dashboard.NewRowBuilder("Use"))
	d.WithPanel(chStat("Summary", "The credential's events in the range.",
		tableQuery(sql("SELECT count() AS uses, countIf(outcome != 'success') AS failures, uniqExact(source_asn) AS networks,",
			"uniqExact(source_ip) AS addresses, uniqExact(tenant) AS tenants, uniqExact(actor_id) AS actors FROM "+uses),
			number("uses"), number("failures"), number("networks"), number("addresses"), number("tenants"), number("actors"))).
		Span(24))
	d.WithPanel(chSeries("Uses by outcome", "Every use of the credential per interval, by outcome.", "outcome",
		seriesQuery(sql("SELECT "+bucket("time")+" AS time, outcome, count() AS uses FROM "+uses,
			"GROUP BY time, outcome ORDER BY time, outcome"), text("outcome"), number("uses"))))
	d.WithPanel(chSeries("Uses by network", "Every use per interval, by autonomous system and country.", "network",
		seriesQuery(sql("SELECT "+bucket("time")+" AS time, concat('AS', toString(source_asn), ' ', source_country) AS network,",
			"count() AS uses FROM "+uses, "GROUP BY time, network ORDER BY time, network"), text("network"), number("uses"))))
	d.WithPanel(chTable("Every use", "The credential's events, newest first (at most 1,000).",
		tableQuery(sql("SELECT time, tenant, action, outcome, actor_id AS actor, resource_type, resource_id, source_ip AS ip,",
			"source_asn AS asn, source_country AS country, source_user_agent AS user_agent, id FROM "+uses,
			"ORDER BY time DESC, id LIMIT 1000"),
			ts("time"), text("tenant"), text("action"), text("outcome"), text("actor"), text("resource_type"),
			text("resource_id"), text("ip"), number("asn"), text("country"), text("user_agent"), text("id")),
		consoleAlerts("actor", "actor")).Span(24).Height(10))
}
