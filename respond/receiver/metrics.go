package receiver

import (
	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/respond/webhook"
)

// Rejection reasons of the receiver's own, beside webhook's verification
// reasons (webhook.Reasons); they label credwatch_receiver_rejected_total.
const (
	ReasonMethod     = "method_not_allowed"
	ReasonTooLarge   = "too_large"
	ReasonUnreadable = "unreadable_body"
	ReasonReplayed   = "replayed"
	ReasonBadPayload = "bad_payload"
)

// Failure stages (credwatch_receiver_failures_total{stage}): the request was
// good but could not be acted on, and was answered 503.
const (
	stageEmit    = "emit"
	stageJournal = "journal"
)

// metrics are the receiver's Prometheus series.
type metrics struct {
	rejected    *prometheus.CounterVec
	revocations prometheus.Counter
	failures    *prometheus.CounterVec
}

// newMetrics registers the series on reg, every reason and stage at zero.
func newMetrics(reg prometheus.Registerer) (*metrics, error) {
	m := &metrics{
		rejected: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_receiver_rejected_total",
			Help: "Webhooks rejected, by reason."}, []string{"reason"}),
		revocations: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_receiver_revocations_total",
			Help: "Revocations acted on: token.revoke emitted and journaled."}),
		failures: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_receiver_failures_total",
			Help: "Valid webhooks answered 503, by the stage that failed (emit, journal)."}, []string{"stage"}),
	}
	for _, c := range []prometheus.Collector{m.rejected, m.revocations, m.failures} {
		if err := reg.Register(c); err != nil {
			return nil, err
		}
	}
	reasons := append(webhook.Reasons(), ReasonMethod, ReasonTooLarge, ReasonUnreadable, ReasonReplayed, ReasonBadPayload)
	for _, r := range reasons {
		m.rejected.WithLabelValues(r)
	}
	m.failures.WithLabelValues(stageEmit)
	m.failures.WithLabelValues(stageJournal)
	return m, nil
}
