//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import "github.com/grafana/grafana-foundation-sdk/go/dashboard"

// pipelineDetect adds live detection: rates, alerts, latency, alert
// writes, warm starts, failures and suppressions.
func pipelineDetect(d *dashboard.DashboardBuilder) {
	d.WithRow(dashboard.NewRowBuilder("Detect"))
	d.WithPanel(promSeries("Detect rate", "Events judged, events later than the lateness bound, messages re-keyed.", "ops",
		series(rate("credwatch_detect_events_total"), "judged"),
		series(rate("credwatch_detect_late_events_total"), "late"),
		series(rate("credwatch_detect_rekeyed_messages_total"), "re-keyed")))
	d.WithPanel(promSeries("Alert updates by rule", "Alert updates written (new, escalated, evidence), by rule.", "ops",
		series(rate("credwatch_detect_alerts_total", "rule"), "{{rule}}")))
	d.WithPanel(promSeries("Alert latency", "Kafka timestamp of the event → its alert update written.", "s",
		series(quantile("0.5", "credwatch_detect_alert_latency_seconds"), "p50"),
		series(quantile("0.99", "credwatch_detect_alert_latency_seconds"), "p99")))
	d.WithPanel(promSeries("Alert writes", "Alert revisions stored in ClickHouse and published to Kafka; failed writes by stage and kind.", "ops",
		series(rate("credwatch_alerts_stored_total"), "stored"),
		series(rate("credwatch_alerts_published_total"), "published"),
		series(rate("credwatch_alerts_write_errors_total", "stage", "kind"), "error {{stage}} ({{kind}})")))
	d.WithPanel(promSeries("Warm starts", "Duration of the last warm start from ClickHouse; history events learned; cold starts by reason.", "short",
		series("max(credwatch_detect_warm_start_duration_seconds)", "last warm start (s)"),
		series("sum(increase(credwatch_detect_warm_start_events_total[$__rate_interval]))", "history events learned"),
		series("sum by (reason) (increase(credwatch_detect_cold_starts_total[$__rate_interval]))", "cold start: {{reason}}")))
	d.WithPanel(promSeries("Decode failures and rule errors", "Undecodable messages skipped by stage and reason; Rego runtime errors by rule.", "ops",
		series(rate("credwatch_detect_decode_failures_total", "stage", "reason"), "{{stage}}: {{reason}}"),
		series(rate("credwatch_detect_rule_errors_total", "rule"), "rule error {{rule}}")))
	d.WithPanel(promSeries("Suppressions", "Suppressions the engines honour (file and console); failed reads of the console's.", "short",
		series("max(credwatch_detect_suppressions)", "honoured"),
		series("sum(increase(credwatch_detect_suppression_poll_failures_total[$__rate_interval]))", "poll failures")).Span(24))
}
