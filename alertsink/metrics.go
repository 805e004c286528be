package alertsink

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/detect"
)

// metrics are the sink's Prometheus series (base units, no ids as labels:
// rules and severities are small fixed sets).
type metrics struct {
	stored    *prometheus.CounterVec
	published *prometheus.CounterVec
	errors    *prometheus.CounterVec
	duration  prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		stored: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_alerts_stored_total",
			Help: "Alert revisions acknowledged by ClickHouse, by rule and severity."}, []string{"rule", "severity"}),
		published: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_alerts_published_total",
			Help: "Alert revisions acknowledged by Kafka on the alerts topic, by rule and severity."}, []string{"rule", "severity"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_alerts_write_errors_total",
			Help: "Failed alert writes, by stage (encode, clickhouse, kafka) and kind (retryable, permanent)."}, []string{"stage", "kind"}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "credwatch_alerts_write_duration_seconds",
			Help: "Time for one successful write to be durable in ClickHouse and Kafka.", Buckets: prometheus.ExponentialBuckets(0.001, 3, 12)}),
	}
	reg.MustRegister(m.stored, m.published, m.errors, m.duration)
	return m
}

func (m *metrics) countStored(updates []detect.Update) {
	for _, u := range updates {
		m.stored.WithLabelValues(u.Alert.Rule, u.Alert.Severity).Inc()
	}
}

func (m *metrics) countPublished(updates []detect.Update) {
	for _, u := range updates {
		m.published.WithLabelValues(u.Alert.Rule, u.Alert.Severity).Inc()
	}
}

func (m *metrics) countError(e *Error) {
	kind := "retryable"
	if e.Permanent() {
		kind = "permanent"
	}
	m.errors.WithLabelValues(e.Stage, kind).Inc()
}
