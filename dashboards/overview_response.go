//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import "github.com/grafana/grafana-foundation-sdk/go/dashboard"

// revocations are the revocation intents created in the range, at their
// current state (response_intents_current: the newest transition).
var revocations = "FROM response_intents_current WHERE action = 'revoke' AND $__timeFilter(created) AND " + tenantIs("tenant")

// overviewResponse adds what response did and what was held back:
// revocations by delivery state, the revocations, suppressed and shadow
// alerts.
func overviewResponse(d *dashboard.DashboardBuilder) {
	d.WithRow(dashboard.NewRowBuilder("Response and suppression"))
	d.WithPanel(chBars("Revocations by state",
		"Revocation intents created in the range by current state: delivered, failed, waiting for approval (proposed), rejected, expired…",
		"state", tableQuery(sql("SELECT state, count() AS revocations "+revocations,
			"GROUP BY state ORDER BY revocations DESC, state"), text("state"), number("revocations"))))
	d.WithPanel(chTable("Revocations", "Each revocation created in the range, at its current state (newest first). "+
		"tenant is the credential's; alert_tenant, where the alert is kept, differs for a credential used across tenants.",
		tableQuery(sql("SELECT created, tenant, credential, state, decision, attempt, rule, severity, alert_id, alert_tenant, detail, at AS updated",
			revocations, "ORDER BY created DESC, tenant, intent_id LIMIT 200"),
			ts("created"), text("tenant"), text("credential"), text("state"), text("decision"), number("attempt"),
			text("rule"), text("severity"), text("alert_id"), text("alert_tenant"), text("detail"), ts("updated")),
		consoleCredential("credential"), consoleAlert("alert_id", "alert_tenant")).Span(16))
	d.WithPanel(chTable("Suppressed and shadow alerts",
		"Alerts recorded but not sent to analysts or response: suppressed (with the suppression, its owner and reason) or raised by a rule in shadow mode.",
		tableQuery(sql("SELECT last_seen, tenant, id, rule, severity, credential, actor, if(shadow = 1, 'shadow', 'suppressed') AS mode,",
			"suppression_id, suppression_owner, suppression_reason, count AS events FROM alerts_latest",
			"WHERE $__timeFilter(last_seen) AND (suppressed = 1 OR shadow = 1) AND "+tenantIs("tenant"),
			"ORDER BY last_seen DESC, tenant, id LIMIT 200"),
			ts("last_seen"), text("tenant"), text("id"), text("rule"), text("severity"), text("credential"), text("actor"),
			text("mode"), text("suppression_id"), text("suppression_owner"), text("suppression_reason"), number("events")),
		consoleAlert("id", "tenant"), consoleCredential("credential")).Span(24))
}
