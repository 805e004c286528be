package allinone

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/internal/clock"
)

func TestStatusTextSumsSeries(t *testing.T) {
	reg := prometheus.NewRegistry()
	stored := prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_ingest_events_stored_total"})
	rejected := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_ingest_events_rejected_total"}, []string{"reason"})
	lag := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "credwatch_ingest_consumer_lag_messages"}, []string{"partition"})
	alerts := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_detect_alerts_total"}, []string{"kind"})
	decisions := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "credwatch_respond_decisions_total"}, []string{"decision"})
	revoked := prometheus.NewCounter(prometheus.CounterOpts{Name: "credwatch_receiver_revocations_total"})
	reg.MustRegister(stored, rejected, lag, alerts, decisions, revoked)
	decisions.WithLabelValues("auto").Add(2)
	decisions.WithLabelValues("none").Add(5)
	revoked.Add(2)
	alerts.WithLabelValues("new").Add(3)
	alerts.WithLabelValues("evidence").Add(40)
	stored.Add(1500)
	rejected.WithLabelValues("not_json").Add(2)
	rejected.WithLabelValues("bad_time").Add(3)
	lag.WithLabelValues("0").Set(4)
	lag.WithLabelValues("1").Set(6)
	clk := clock.NewStep(time.Unix(1_800_000_000, 0))
	g := &generated{}
	g.n.Store(1600)
	s := newStatusLine(nil, reg, health.New(clk.Now), g, clk)
	s.attack = &atomic.Int64{}
	s.attack.Store(1)
	require.Equal(t, "42s  generated 1600 · stored 1500 · rejected 5 · lag 10 · attacks 1 · alerts 3 · decisions 7 · revoked 2 · ok",
		s.text(clk.Now().Add(42*time.Second)))
}
