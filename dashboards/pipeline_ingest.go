//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import "github.com/grafana/grafana-foundation-sdk/go/dashboard"

// pipelineIngest adds the ingester: rates, rejections, lag, ClickHouse
// inserts, redactions and retries.
func pipelineIngest(d *dashboard.DashboardBuilder) {
	d.WithRow(dashboard.NewRowBuilder("Ingest"))
	d.WithPanel(promSeries("Ingest rate", "Kafka messages read, events stored in ClickHouse, messages holding no event.", "ops",
		series(rate("credwatch_ingest_messages_total"), "read from Kafka"),
		series(rate("credwatch_ingest_events_stored_total"), "stored"),
		series(rate("credwatch_ingest_messages_skipped_total"), "skipped (no event)")))
	d.WithPanel(promSeries("Rejections by reason", "Messages dead-lettered to <topic>.dlq, by reason.", "ops",
		series(rate("credwatch_ingest_events_rejected_total", "reason"), "{{reason}}")))
	d.WithPanel(promSeries("Consumer lag per partition", "Messages behind each partition's high watermark at its last batch.", "short",
		series("max by (topic, partition) (credwatch_ingest_consumer_lag_messages)", "ingest {{topic}}/{{partition}}"),
		series("max by (partition) (credwatch_detect_consumer_lag_messages)", "detect {{partition}}")))
	d.WithPanel(promSeries("ClickHouse insert latency", "Time to insert one batch, retries included.", "s",
		series(quantile("0.5", "credwatch_ingest_insert_duration_seconds"), "p50"),
		series(quantile("0.99", "credwatch_ingest_insert_duration_seconds"), "p99")))
	d.WithPanel(promSeries("Batch size", "Messages per batch.", "short",
		series(quantile("0.5", "credwatch_ingest_batch_size_events"), "p50"),
		series(quantile("0.99", "credwatch_ingest_batch_size_events"), "p99")))
	d.WithPanel(promSeries("Redactions and field warnings", "Credential values redacted by kind; fields blanked or normalised by field and reason.", "ops",
		series(rate("credwatch_ingest_redactions_total", "kind"), "redacted {{kind}}"),
		series(rate("credwatch_ingest_field_warnings_total", "field", "reason"), "{{field}}: {{reason}}")))
	d.WithPanel(promSeries("Retries by component", "Failed attempts that were retried, by stage and component.", "ops",
		series(rate("credwatch_ingest_retries_total", "component"), "ingest {{component}}"),
		series(rate("credwatch_detect_retries_total", "component"), "detect {{component}}")).Span(24))
}
