//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import "github.com/grafana/grafana-foundation-sdk/go/dashboard"

// asOrgs names the autonomous systems the credential's events came from
// (the per-credential tables keep no AS organisation). The IN is GLOBAL:
// on a cluster its subquery runs once and is shipped to the shards, as it
// must be under any distributed_product_mode (the default, deny, refuses a
// plain IN over Distributed tables); on one node GLOBAL changes nothing.
func asOrgs(uses string) string {
	return "(SELECT source_asn, any(source_as_org) AS as_org FROM events WHERE $__timeFilter(time) AND source_asn GLOBAL IN " +
		"(SELECT source_asn FROM " + uses + ") GROUP BY source_asn)"
}

// credentialReach adds where the uses came from and what they touched.
func credentialReach(d *dashboard.DashboardBuilder) {
	uses := credentialEvents(eventCols...)
	d.WithRow(dashboard.NewRowBuilder("Networks, clients, tenants"))
	d.WithPanel(chTable("Networks", "Autonomous systems and countries the credential was used from, newest first seen on top.",
		tableQuery(sql("SELECT source_asn AS asn, as_org, source_country AS country, max(source_internal) AS internal,",
			"uniqExact(source_ip) AS addresses, count() AS uses, countIf(outcome != 'success') AS failures,",
			"min(time) AS first_seen, max(time) AS last_seen FROM "+uses+" AS credential_uses",
			"ANY LEFT JOIN "+asOrgs(uses)+" AS orgs USING source_asn",
			"GROUP BY asn, as_org, country ORDER BY first_seen DESC, asn, country LIMIT 100"),
			number("asn"), text("as_org"), text("country"), number("internal"), number("addresses"), number("uses"),
			number("failures"), ts("first_seen"), ts("last_seen"))))
	d.WithPanel(chTable("Clients", "User agents the credential was used with.",
		tableQuery(sql("SELECT source_user_agent AS user_agent, count() AS uses, uniqExact(source_asn) AS networks,",
			"uniqExact(actor_id) AS actors, min(time) AS first_seen, max(time) AS last_seen FROM "+uses,
			"GROUP BY user_agent ORDER BY last_seen DESC, user_agent LIMIT 100"),
			text("user_agent"), number("uses"), number("networks"), number("actors"), ts("first_seen"), ts("last_seen"))))
	d.WithPanel(chTable("Tenants and resources", "What the credential acted on, in which tenant, by whom.",
		tableQuery(sql("SELECT tenant, resource_type, resource_id, "+uniqList("action")+" AS actions, "+uniqList("actor_id")+" AS actors,",
			"count() AS uses, countIf(outcome != 'success') AS failures, min(time) AS first_seen, max(time) AS last_seen FROM "+uses,
			"GROUP BY tenant, resource_type, resource_id ORDER BY last_seen DESC, tenant, resource_id LIMIT 200"),
			text("tenant"), text("resource_type"), text("resource_id"), text("actions"), text("actors"), number("uses"),
			number("failures"), ts("first_seen"), ts("last_seen")),
		consoleAlerts("tenant", "tenant")).Span(24))
}
