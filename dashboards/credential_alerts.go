//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import "github.com/grafana/grafana-foundation-sdk/go/dashboard"

// credentialAlerts adds the credential's alerts, with their explanations,
// and every transition of the response to them.
func credentialAlerts(d *dashboard.DashboardBuilder) {
	d.WithRow(dashboard.NewRowBuilder("Alerts and response"))
	d.WithPanel(chTable("Alerts", "The credential's alerts overlapping the range: the rule's reason and facts, what the rule looks for (description), and the triage status.",
		tableQuery(sql("SELECT last_seen, tenant, id, rule, severity, tier,",
			"if(shadow = 1, 'shadow', if(suppressed = 1, 'suppressed', if(status = '', 'new', status))) AS status,",
			"count AS events, first_seen, reason, visitParamExtractRaw(explanation, 'rule_facts') AS facts,",
			"visitParamExtractString(explanation, 'description') AS description",
			"FROM (SELECT * FROM alerts_latest WHERE credential = "+credentialValue+" AND last_seen >= $__fromTime AND first_seen <= $__toTime)",
			triaged[1:], "ORDER BY last_seen DESC, tenant, id LIMIT 200"),
			ts("last_seen"), text("tenant"), text("id"), text("rule"), text("severity"), text("tier"), text("status"),
			number("events"), ts("first_seen"), text("reason"), text("facts"), text("description")),
		consoleAlert("id", "tenant")).Span(24).Height(10))
	d.WithPanel(chTable("Response", "Every transition of the revocations and notifications for the credential (response_intents), newest first. tenant is the credential's; alert_tenant, where the alert is kept, differs for a credential used across tenants.",
		tableQuery(sql("SELECT at, tenant, intent_id, seq, action, state, decision, by AS decided_by, attempt, detail, alert_id, alert_tenant, rule, dry_run",
			"FROM response_intents FINAL WHERE credential = "+credentialValue+" AND $__timeFilter(at)",
			"ORDER BY at DESC, seq DESC, intent_id LIMIT 500"),
			ts("at"), text("tenant"), text("intent_id"), number("seq"), text("action"), text("state"), text("decision"),
			text("decided_by"), number("attempt"), text("detail"), text("alert_id"), text("alert_tenant"), text("rule"), number("dry_run")),
		consoleAlert("alert_id", "alert_tenant")).Span(24))
}
