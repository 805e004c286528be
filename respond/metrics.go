package respond

import "github.com/prometheus/client_golang/prometheus"

// Metrics count what respond decides and delivers.
type Metrics struct {
	decisions    *prometheus.CounterVec // by decision after guardrails
	transitions  *prometheus.CounterVec // by state
	duplicates   prometheus.Counter
	badAlerts    prometheus.Counter
	emitFailures prometheus.Counter
	circuits     prometheus.Counter
	killSwitch   prometheus.Gauge
}

// NewMetrics registers respond's metrics on reg (nil: a private registry).
func NewMetrics(reg prometheus.Registerer) *Metrics {
	if reg == nil {
		reg = prometheus.NewRegistry()
	}
	m := &Metrics{
		decisions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_respond_decisions_total",
			Help: "Response decisions, after guardrails."}, []string{"decision"}),
		transitions: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_respond_transitions_total",
			Help: "Intent transitions recorded in the outbox."}, []string{"state"}),
		duplicates: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_respond_duplicate_alerts_total",
			Help: "Alerts whose intent already existed (re-published, escalated, or another rule)."}),
		badAlerts: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_respond_bad_alerts_total",
			Help: "Alert messages that could not be read."}),
		emitFailures: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_respond_event_emit_failures_total",
			Help: "response.* events that could not be produced."}),
		circuits: prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_respond_circuit_opened_total",
			Help: "Times a revocation cap opened the circuit."}),
		killSwitch: prometheus.NewGauge(prometheus.GaugeOpts{Name: "credwatch_respond_kill_switch",
			Help: "1 while the kill switch holds automatic revocations."}),
	}
	reg.MustRegister(m.decisions, m.transitions, m.duplicates, m.badAlerts, m.emitFailures, m.circuits, m.killSwitch)
	return m
}
