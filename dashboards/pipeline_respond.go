//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import "github.com/grafana/grafana-foundation-sdk/go/dashboard"

// pipelineRespond adds response: decisions, intent transitions, webhook
// delivery and its failures, the queue, and the guardrails.
func pipelineRespond(d *dashboard.DashboardBuilder) {
	d.WithRow(dashboard.NewRowBuilder("Respond"))
	d.WithPanel(promSeries("Decisions", "Response decisions after guardrails, by decision.", "ops",
		series(rate("credwatch_respond_decisions_total", "decision"), "{{decision}}")))
	d.WithPanel(promSeries("Intent transitions by state", "Revocation and notification transitions recorded in the outbox.", "ops",
		series(rate("credwatch_respond_transitions_total", "state"), "{{state}}")))
	d.WithPanel(promSeries("Webhook attempts by outcome", "Delivery attempts: delivered, retry, failed, disabled.", "ops",
		series(rate("credwatch_respond_webhook_attempts_total", "outcome"), "{{outcome}}")))
	d.WithPanel(promSeries("Delivery failures", "Attempts that failed, jobs given up while retryable, jobs refused by the dispatcher.", "ops",
		series(`sum(rate(credwatch_respond_webhook_attempts_total{outcome=~"failed|retry"}[$__rate_interval]))`, "failed or retried attempts"),
		series(rate("credwatch_respond_webhook_given_up_total", "reason"), "given up: {{reason}}"),
		series(rate("credwatch_respond_webhook_drops_total", "reason"), "refused: {{reason}}")))
	d.WithPanel(promSeries("Delivery latency", "A job's creation → delivered, retries included; one attempt's duration.", "s",
		series(quantile("0.5", "credwatch_respond_webhook_delivery_latency_seconds"), "delivery p50"),
		series(quantile("0.99", "credwatch_respond_webhook_delivery_latency_seconds"), "delivery p99"),
		series(quantile("0.99", "credwatch_respond_webhook_attempt_duration_seconds"), "attempt p99")))
	d.WithPanel(promSeries("Delivery queue", "Jobs waiting in lanes; requests in flight.", "short",
		series("sum(credwatch_respond_webhook_queued_jobs)", "queued"),
		series("sum(credwatch_respond_webhook_in_flight)", "in flight")))
	d.WithPanel(promSeries("Guardrails", "Kill switch (1 holds automatic revocations), circuit openings, duplicate and unreadable alerts, response events not produced.", "short",
		series("max(credwatch_respond_kill_switch)", "kill switch"),
		series("sum(increase(credwatch_respond_circuit_opened_total[$__rate_interval]))", "circuit opened"),
		series("sum(increase(credwatch_respond_duplicate_alerts_total[$__rate_interval]))", "duplicate alerts"),
		series("sum(increase(credwatch_respond_bad_alerts_total[$__rate_interval]))", "unreadable alerts"),
		series("sum(increase(credwatch_respond_event_emit_failures_total[$__rate_interval]))", "events not produced")).Span(24))
}
