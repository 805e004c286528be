package alertsink

import (
	"context"
	"log/slog"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/store"
)

// Open connects a sink to ClickHouse at dsn (applying the migrations when
// migrate, so the alerts tables exist) and to the Kafka brokers for topic.
// close releases both.
func Open(ctx context.Context, dsn string, migrate bool, brokers []string, topic string, reg prometheus.Registerer,
	clk clock.Clock, log *slog.Logger) (sink *Sink, close func(), err error) {
	st, err := store.Open(ctx, dsn, log)
	if err != nil {
		return nil, nil, err
	}
	if migrate {
		if _, err := st.Migrate(ctx, store.MigrateOptions{}); err != nil {
			st.Close()
			return nil, nil, err
		}
	}
	w := NewWriter(brokers)
	sink, err = New(Config{Store: st, Writer: w, Topic: topic, Clock: clk, Metrics: reg})
	if err != nil {
		w.Close()
		st.Close()
		return nil, nil, err
	}
	return sink, func() { w.Close(); st.Close() }, nil
}
