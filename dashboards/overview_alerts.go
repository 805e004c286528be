//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import "github.com/grafana/grafana-foundation-sdk/go/dashboard"

// openAlerts are the alerts shown to analysts, last seen in the range, with
// their triage status, that are not closed.
func openAlerts() string {
	return "(SELECT tenant, id, severity, last_seen FROM alerts_latest WHERE $__timeFilter(last_seen) AND " +
		alertShown + " AND " + tenantIs("tenant") + ")" + triaged + "\nWHERE status != 'closed'"
}

// overviewAlerts adds the alert panels: counts, alerts over time, open
// alerts by tenant, top credentials and actors.
func overviewAlerts(d *dashboard.DashboardBuilder) {
	d.WithRow(dashboard.NewRowBuilder("Alerts"))
	d.WithPanel(chStat("Alerts", "Alerts first seen in the range (suppressed and shadow alerts excluded).",
		tableQuery(sql("SELECT count() AS alerts FROM alerts_latest",
			"WHERE $__timeFilter(first_seen) AND "+alertShown+" AND "+tenantIs("tenant")), number("alerts"))))
	d.WithPanel(chStat("Open alerts", "Alerts last seen in the range whose triage status is not closed.",
		tableQuery(sql("SELECT count() AS open FROM "+openAlerts()), number("open"))))
	d.WithPanel(chStat("Critical open alerts", "Open alerts of critical severity.",
		tableQuery(sql("SELECT countIf(severity = 'critical') AS critical FROM "+openAlerts()),
			number("critical"))))
	d.WithPanel(chStat("Credentials alerted", "Distinct credentials with an alert in the range.",
		tableQuery(sql("SELECT uniqExact(credential) AS credentials FROM alerts_latest",
			"WHERE $__timeFilter(last_seen) AND "+alertShown+" AND credential != '' AND "+tenantIs("tenant")),
			number("credentials"))))
	for _, by := range []string{"severity", "rule"} {
		d.WithPanel(chSeries("Alerts by "+by, "New alerts per interval by "+by+" (by first_seen).", by,
			seriesQuery(sql("SELECT "+bucket("first_seen")+" AS time, "+by+", count() AS alerts FROM alerts_latest",
				"WHERE $__timeFilter(first_seen) AND "+alertShown+" AND "+tenantIs("tenant"),
				"GROUP BY time, "+by+" ORDER BY time, "+by), text(by), number("alerts"))))
	}
	d.WithPanel(chTable("Open alerts by tenant",
		"Alerts last seen in the range that are not closed, by triage status (alert_triage; never triaged is new).",
		tableQuery(sql("SELECT tenant, countIf(status IN ('', 'new')) AS untriaged, countIf(status = 'acknowledged') AS acknowledged,",
			"count() AS open, countIf(severity = 'critical') AS critical, max(last_seen) AS latest",
			"FROM "+openAlerts(), "GROUP BY tenant ORDER BY open DESC, tenant LIMIT 100"),
			text("tenant"), number("untriaged"), number("acknowledged"), number("open"), number("critical"), ts("latest")),
		consoleAlerts("tenant", "tenant")))
	overviewTop(d)
}

// overviewTop adds the top credentials and actors by alert count.
func overviewTop(d *dashboard.DashboardBuilder) {
	d.WithPanel(chTable("Top credentials by alerts", "Credentials with the most alerts seen in the range.",
		tableQuery(sql("SELECT credential, count() AS alerts, "+uniqList("rule")+" AS rules, "+uniqList("severity")+" AS severities,",
			uniqList("tenant")+" AS tenants, max(last_seen) AS latest FROM alerts_latest",
			"WHERE $__timeFilter(last_seen) AND "+alertShown+" AND credential != '' AND "+tenantIs("tenant"),
			"GROUP BY credential ORDER BY alerts DESC, latest DESC LIMIT 20"),
			text("credential"), number("alerts"), text("rules"), text("severities"), text("tenants"), ts("latest")),
		consoleCredential("credential")))
	d.WithPanel(chTable("Top actors by alerts", "Actors with the most alerts seen in the range.",
		tableQuery(sql("SELECT actor, count() AS alerts, uniqExact(credential) AS credentials, "+uniqList("rule")+" AS rules,",
			uniqList("tenant")+" AS tenants, max(last_seen) AS latest FROM alerts_latest",
			"WHERE $__timeFilter(last_seen) AND "+alertShown+" AND actor != '' AND "+tenantIs("tenant"),
			"GROUP BY actor ORDER BY alerts DESC, latest DESC LIMIT 20"),
			text("actor"), number("alerts"), number("credentials"), text("rules"), text("tenants"), ts("latest")),
		consoleAlerts("actor", "actor")))
}
