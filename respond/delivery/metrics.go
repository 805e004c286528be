package delivery

import "github.com/prometheus/client_golang/prometheus"

// metrics are the dispatcher's Prometheus series (base units, no ids or
// tenants as labels).
type metrics struct {
	attempts *prometheus.CounterVec
	drops    *prometheus.CounterVec
	givenUp  *prometheus.CounterVec
	inFlight prometheus.Gauge
	queued   prometheus.Gauge
	latency  prometheus.Histogram
	duration prometheus.Histogram
}

func newMetrics(reg prometheus.Registerer) *metrics {
	m := &metrics{
		attempts: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_respond_webhook_attempts_total",
			Help: "Webhook delivery attempts, by outcome (delivered, retry, failed, disabled)."}, []string{"outcome"}),
		drops: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_respond_webhook_drops_total",
			Help: "Jobs refused by Submit, by reason (queue_full, lanes_full, stopped); the caller resubmits them."},
			[]string{"reason"}),
		givenUp: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_respond_webhook_given_up_total",
			Help: "Jobs abandoned while still retryable, by reason (max_attempts, expired)."}, []string{"reason"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{Name: "credwatch_respond_webhook_in_flight",
			Help: "Webhook requests in progress."}),
		queued: prometheus.NewGauge(prometheus.GaugeOpts{Name: "credwatch_respond_webhook_queued_jobs",
			Help: "Jobs waiting in lanes (not counting the one each lane is delivering)."}),
		latency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "credwatch_respond_webhook_delivery_latency_seconds",
			Help:    "From a job's creation (or acceptance) to its delivery, retries included.",
			Buckets: prometheus.ExponentialBuckets(0.01, 4, 12)}),
		duration: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "credwatch_respond_webhook_attempt_duration_seconds",
			Help:    "Duration of one delivery attempt.",
			Buckets: prometheus.ExponentialBuckets(0.005, 2, 13)}),
	}
	reg.MustRegister(m.attempts, m.drops, m.givenUp, m.inFlight, m.queued, m.latency, m.duration)
	for _, o := range []Outcome{Delivered, Retry, Failed, Disabled} {
		m.attempts.WithLabelValues(o.String())
	}
	for _, r := range []string{dropQueueFull, dropLanesFull, dropStopped} {
		m.drops.WithLabelValues(r)
	}
	return m
}
