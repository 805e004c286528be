package live

import "time"

// Reasons for a cold start (label of credwatch_detect_cold_starts_total).
const (
	coldUnavailable   = "clickhouse_unavailable"
	coldNoTable       = "no_history_table"
	coldNotConfigured = "not_configured"
)

// cold records a start without history.
func (w *warmer) cold(parts []*partition, reason string, err error) {
	w.metrics.coldStarts.WithLabelValues(reason).Inc()
	switch reason {
	case coldNotConfigured:
		w.log.Info("no ClickHouse configured: starting cold (baselines learn from the stream)", "partitions", ids(parts))
		return
	case coldNoTable:
		w.log.Info("no history in ClickHouse yet (events table missing): starting cold", "partitions", ids(parts))
		return
	}
	w.log.Warn("warm start failed: starting cold; first-seen facts stay quiet until credentials are learned again",
		"reason", reason, "partitions", ids(parts), "wait", w.cfg.WarmStartWait, "err", err)
}

func ids(parts []*partition) []int {
	out := make([]int, len(parts))
	for i, p := range parts {
		out[i] = p.id
	}
	return out
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
