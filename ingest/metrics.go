package ingest

import (
	"strconv"
	"strings"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
)

// Metrics are the pipeline's Prometheus series (base units, no ids as labels).
type Metrics struct {
	received        prometheus.Counter
	stored          prometheus.Counter
	rejected        *prometheus.CounterVec
	redactions      *prometheus.CounterVec
	warnings        *prometheus.CounterVec
	skipped         prometheus.Counter
	batchSize       prometheus.Histogram
	insertSecs      prometheus.Histogram
	insertsInFlight prometheus.Gauge
	retries         *prometheus.CounterVec
	lag             *prometheus.GaugeVec
}

// NewMetrics registers the series on reg.
func NewMetrics(reg prometheus.Registerer) *Metrics {
	m := &Metrics{
		received: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_ingest_messages_total",
			Help: "Kafka messages read by the ingester."}),
		stored: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_ingest_events_stored_total",
			Help: "Events acknowledged by ClickHouse."}),
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_ingest_events_rejected_total",
			Help: "Messages sent to the dead-letter topic, by reason."}, []string{"reason"}),
		redactions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_ingest_redactions_total",
			Help: "Credential values redacted from stored events, by kind."}, []string{"kind"}),
		warnings: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_ingest_field_warnings_total",
			Help: "Fields of stored events blanked or normalised (placeholder, normalised, invalid_value, too_long, derived …), by field and reason."}, []string{"field", "reason"}),
		skipped: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_ingest_messages_skipped_total",
			Help: "Messages that hold no event to keep (a Vault request entry, an early Kubernetes audit stage)."}),
		batchSize: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "credwatch_ingest_batch_size_events",
			Help: "Messages per batch.", Buckets: prometheus.ExponentialBuckets(1, 4, 10)}),
		insertSecs: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "credwatch_ingest_insert_duration_seconds",
			Help: "Time to insert one batch, or one group of batches, into ClickHouse, retries included.", Buckets: prometheus.ExponentialBuckets(0.001, 3, 12)}),
		insertsInFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "credwatch_ingest_inserts_in_flight",
			Help: "Grouped INSERTs sent to ClickHouse and not yet committed."}),
		retries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_ingest_retries_total",
			Help: "Failed attempts that were retried, by component (clickhouse, dead_letter, kafka_commit)."}, []string{"component"}),
		lag: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "credwatch_ingest_consumer_lag_messages",
			Help: "Messages behind the partition's high watermark at the last batch."}, []string{"topic", "partition"}),
	}
	reg.MustRegister(m.received, m.stored, m.rejected, m.redactions, m.warnings, m.skipped, m.batchSize, m.insertSecs, m.insertsInFlight, m.retries, m.lag)
	return m
}

// observeDecoded records what decoding a batch found.
func (m *Metrics) observeDecoded(b *Batch) {
	if b.Size() == 0 && b.Skipped == 0 {
		return // a tick that flushes a group
	}
	m.batchSize.Observe(float64(b.Size()))
	m.skipped.Add(float64(b.Skipped))
	for i := range b.Records {
		ev := &b.Records[i].Event
		for _, k := range ev.Redactions {
			m.redactions.WithLabelValues(k).Inc()
		}
		for _, w := range ev.Warnings {
			field, reason, _ := strings.Cut(w, ":")
			m.warnings.WithLabelValues(field, reason).Inc()
		}
	}
}

// observeDurable records stored events and dead letters.
func (m *Metrics) observeDurable(d *durable) {
	m.stored.Add(float64(d.stored))
	for _, r := range d.rejects {
		m.rejected.WithLabelValues(r.Err.Reason).Inc()
	}
	for _, last := range d.last {
		m.lag.WithLabelValues(last.Topic, strconv.Itoa(last.Partition)).Set(float64(lagOf(last)))
	}
}

// lagOf is how many messages follow msg in its partition.
func lagOf(msg kafka.Message) int64 { return max(msg.HighWaterMark-msg.Offset-1, 0) }
