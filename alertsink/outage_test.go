package alertsink_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// stopMidWrite stops ClickHouse right after the next evidence insert
// succeeds, so the alerts insert of the same write meets the outage.
type stopMidWrite struct {
	alertsink.RowInserter
	armed bool
	stop  func()
}

func (s *stopMidWrite) InsertRows(ctx context.Context, r store.Rows) error {
	err := s.RowInserter.InsertRows(ctx, r)
	if err == nil && s.armed && r.Table == "alert_evidence" {
		s.armed = false
		s.stop()
	}
	return err
}

// TestClickHouseOutageMidWriteRetryable stops ClickHouse between a write's
// evidence insert and its alerts insert: the write fails retryably and
// publishes nothing; once ClickHouse is back, retrying the same updates
// succeeds and nothing is stored or published twice.
func TestClickHouseOutageMidWriteRetryable(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	ins := &stopMidWrite{RowInserter: e.store, stop: e.ch.Stop}
	s, reg := e.sinkOn(t, ins)
	ups := lifecycle("victim", "tok1")
	require.NoError(t, s.Write(ctx, ups[:1]))

	ins.armed = true
	err := s.Write(ctx, ups[1:])
	var se *alertsink.Error
	require.ErrorAs(t, err, &se)
	require.Equal(t, alertsink.StageClickHouse, se.Stage)
	require.True(t, alertsink.Retryable(err), "%v", err)
	t.Logf("figure: write during the outage: %v", err)
	require.Len(t, e.published(t), 1, "nothing published while not stored")

	restarted, err := chserver.Start(ctx, e.ch.Config())
	require.NoError(t, err)
	t.Cleanup(restarted.Stop)
	attempts := 0
	testenv.Eventually(t, time.Minute, "the retried write to succeed", func() bool {
		attempts++
		err := s.Write(ctx, ups[1:])
		require.True(t, err == nil || alertsink.Retryable(err), "%v", err)
		return err == nil
	})
	t.Logf("figure: retried write succeeded on attempt %d after restart", attempts)

	require.Equal(t, uint64(1), e.count(t, "SELECT count() FROM alerts_latest"))
	require.Equal(t, uint64(3), e.count(t, "SELECT toUInt64(revision) FROM alerts_latest"))
	require.Equal(t, uint64(3), e.count(t, "SELECT count() FROM alert_evidence_unique"))
	t.Logf("figure: evidence physical rows %d, unique %d", e.count(t, "SELECT count() FROM alert_evidence"),
		e.count(t, "SELECT count() FROM alert_evidence_unique"))
	msgs := e.published(t)
	require.Len(t, msgs, 2, "new, then escalated once")
	require.GreaterOrEqual(t, metricValue(t, reg, "credwatch_alerts_write_errors_total",
		map[string]string{"stage": "clickhouse", "kind": "retryable"}), 1.0)
}
