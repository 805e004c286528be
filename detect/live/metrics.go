package live

import (
	"strconv"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
)

// Metrics are the live detector's Prometheus series (base units, no ids as
// labels).
type Metrics struct {
	events         *prometheus.CounterVec
	decodeFailures *prometheus.CounterVec
	ruleErrors     *prometheus.CounterVec
	alerts         *prometheus.CounterVec
	late           prometheus.Counter
	warmSeconds    prometheus.Gauge
	warmEvents     prometheus.Counter
	coldStarts     *prometheus.CounterVec
	latency        prometheus.Histogram
	lag            *prometheus.GaugeVec
	retries        *prometheus.CounterVec
	rekeyed        prometheus.Counter
}

// NewMetrics registers the series on reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		events: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_detect_events_total",
			Help: "Events judged by the live detector, by partition."}, []string{"partition"}),
		decodeFailures: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_detect_decode_failures_total",
			Help: "Messages skipped as undecodable (ingest dead-letters them), by stage (detect, rekey) and reason."},
			[]string{"stage", "reason"}),
		ruleErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_detect_rule_errors_total",
			Help: "Rego runtime errors, by rule."}, []string{"rule"}),
		alerts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_detect_alerts_total",
			Help: "Alert updates written, by rule, severity and kind (new, escalated, evidence)."},
			[]string{"rule", "severity", "kind"}),
		late: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_detect_late_events_total",
			Help: "Events more than the lateness bound behind the newest event of their partition."}),
		warmSeconds: prometheus.NewGauge(prometheus.GaugeOpts{Name: "credwatch_detect_warm_start_duration_seconds",
			Help: "How long the last warm start from ClickHouse took."}),
		warmEvents: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_detect_warm_start_events_total",
			Help: "History events learned by warm starts."}),
		coldStarts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_detect_cold_starts_total",
			Help: "Assignments started without history, by reason (clickhouse_unavailable, no_history_table, not_configured)."},
			[]string{"reason"}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "credwatch_detect_alert_latency_seconds",
			Help:    "From the Kafka timestamp of the event to its alert update being written.",
			Buckets: prometheus.ExponentialBuckets(0.001, 2, 17)}),
		lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "credwatch_detect_consumer_lag_messages",
			Help: "Messages behind the partition's high watermark at the last batch."}, []string{"partition"}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_detect_retries_total",
			Help: "Failed attempts that were retried, by component (alert_writer, kafka_commit, rekey_produce, clickhouse)."},
			[]string{"component"}),
		rekeyed: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_detect_rekeyed_messages_total",
			Help: "Messages the re-key stage produced to the internal topic."}),
	}
	reg.MustRegister(m.events, m.decodeFailures, m.ruleErrors, m.alerts, m.late, m.warmSeconds, m.warmEvents,
		m.coldStarts, m.latency, m.lag, m.retries, m.rekeyed)
	return m
}

// observeLag records how far the partition is behind after msg.
func (m *Metrics) observeLag(msg kafka.Message) {
	m.lag.WithLabelValues(strconv.Itoa(msg.Partition)).Set(float64(max(msg.HighWaterMark-msg.Offset-1, 0)))
}
