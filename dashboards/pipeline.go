//lint:file-ignore SA1019 schema v1 (dashboard.Dashboard) is what Grafana's file provisioning loads in every version; dashboardv2 needs Grafana 12's v2 API.

package dashboards

import (
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// PipelineDashboard is the uid of the pipeline's health.
const PipelineDashboard = "credwatch-pipeline"

// Pipeline is the health of ingest, detection and response from their
// Prometheus metrics (replaces the former credwatch-ingest dashboard).
func Pipeline() *dashboard.DashboardBuilder {
	d := dashboard.NewDashboardBuilder("credwatch — pipeline health").Uid(PipelineDashboard).
		Description("Ingest, detect and respond rates, lag, rejections, retries, alert latency, warm starts and webhook delivery.").
		Tags([]string{"credwatch", "ops"}).Timezone(common.TimeZoneUtc).Time("now-1h", "now").Refresh("30s").
		Tooltip(dashboard.DashboardCursorSyncCrosshair).
		WithVariable(dataSourceVar("prometheus", "Prometheus", PrometheusType, PrometheusUID, prometheusName)).
		Link(dashboardLink("SOC overview", OverviewDashboard))
	pipelineSummary(d)
	pipelineIngest(d)
	pipelineDetect(d)
	pipelineRespond(d)
	return d
}

// pipelineSummary adds the four numbers to look at first.
func pipelineSummary(d *dashboard.DashboardBuilder) {
	d.WithPanel(promStat("Events stored", "Events ClickHouse acknowledged, per second.", "ops",
		series(rate("credwatch_ingest_events_stored_total"), "stored")))
	d.WithPanel(promStat("Alert latency p99", "Kafka timestamp of an event → its alert update written.", "s",
		series(quantile("0.99", "credwatch_detect_alert_latency_seconds"), "p99")))
	d.WithPanel(promStat("Consumer lag", "Messages behind the high watermark, worst partition of ingest and detect.", "short",
		series("max(max(credwatch_ingest_consumer_lag_messages) or max(credwatch_detect_consumer_lag_messages))", "lag")))
	d.WithPanel(promStat("Failed webhook deliveries", "Delivery attempts that failed (not retried) in the range.", "short",
		series(`sum(increase(credwatch_respond_webhook_attempts_total{outcome="failed"}[$__range]))`, "failed")))
}
