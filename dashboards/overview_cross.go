//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import "github.com/grafana/grafana-foundation-sdk/go/dashboard"

// crossEvents are the range's events whose credential belongs to another
// tenant than the resource acted on, involving the tenant variable on
// either side.
var crossEvents = "FROM events FINAL WHERE $__timeFilter(time) AND " + crossTenant + " AND " +
	"$__conditionalAll((tenant = " + variable("tenant") + " OR owner = " + variable("tenant") + "), $tenant)"

// overviewCross adds access across tenants: over time by the resource's
// visibility, and by (credential tenant, resource tenant) pair.
func overviewCross(d *dashboard.DashboardBuilder) {
	d.WithRow(dashboard.NewRowBuilder("Cross-tenant access"))
	d.WithPanel(chSeries("Cross-tenant access by visibility",
		"Events where a credential of one tenant acted on another tenant's resource (token.tenant, else secret.tenant, is not the event's tenant), by the resource's visibility. Reads of public resources are routine; private ones are not.",
		"visibility", seriesQuery(sql("SELECT "+bucket("time")+" AS time, if(resource_visibility = '', 'unknown', resource_visibility) AS visibility,",
			"count() AS events "+crossEvents, "GROUP BY time, visibility ORDER BY time, visibility"),
			text("visibility"), number("events"))))
	d.WithPanel(chTable("Cross-tenant pairs",
		"Credential tenant → resource tenant, with how many events touched private resources or failed.",
		tableQuery(sql("SELECT owner AS credential_tenant, tenant AS resource_tenant, count() AS events,",
			"countIf(resource_visibility = 'private') AS private, countIf(outcome != 'success') AS failures,",
			"uniqExact(if(token_id != '', token_id, secret_id)) AS credentials, max(time) AS last_seen",
			crossEvents, "GROUP BY owner, tenant ORDER BY private DESC, events DESC, owner, tenant LIMIT 50"),
			text("credential_tenant"), text("resource_tenant"), number("events"), number("private"), number("failures"),
			number("credentials"), ts("last_seen"))))
}
