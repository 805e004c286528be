package alertsink_test

import (
	"context"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/internal/clock"
)

func newFakeSink(t *testing.T, st *fakeStore, w *fakeWriter) (*alertsink.Sink, *prometheus.Registry) {
	reg := prometheus.NewRegistry()
	s, err := alertsink.New(alertsink.Config{Store: st, Writer: w, Metrics: reg, Clock: clock.NewStep(t0.Add(time.Hour))})
	require.NoError(t, err)
	return s, reg
}

func TestWriteStoresEveryUpdateAndPublishesNewAndEscalated(t *testing.T) {
	st, w := &fakeStore{}, &fakeWriter{}
	s, reg := newFakeSink(t, st, w)
	ups := lifecycle("victim", "tok1")
	require.Equal(t, []string{"new", "evidence", "escalated"}, []string{ups[0].Kind, ups[1].Kind, ups[2].Kind})
	require.NoError(t, s.Write(context.Background(), ups))

	require.Equal(t, []string{"alert_evidence", "alerts"}, []string{st.inserts[0].Table, st.inserts[1].Table}, "evidence before alerts")
	require.Equal(t, 3, st.rows("alerts"), "every update is stored")
	require.Equal(t, 3, st.rows("alert_evidence"), "every evidence event, once")
	require.Len(t, w.msgs, 2, "new and escalated are published, evidence is not")
	for i, m := range w.msgs {
		require.Equal(t, alertsink.DefaultTopic, m.Topic)
		require.Equal(t, ups[0].Alert.ID, string(m.Key))
		h := headers(m)
		require.Equal(t, "cross_tenant_private", h[alertsink.HeaderRule])
		require.Equal(t, "victim", h[alertsink.HeaderTenant])
		require.Equal(t, []string{"medium", "high"}[i], h[alertsink.HeaderSeverity])
		f := decodeOCSF(t, m.Value)
		require.Equal(t, []int{1, 2}[i], f.ActivityID, "Create, then Update")
		require.Equal(t, []int{3, 4}[i], f.SeverityID)
	}
	require.Equal(t, 2.0, metricValue(t, reg, "credwatch_alerts_stored_total", map[string]string{"severity": "medium"}))
	require.Equal(t, 1.0, metricValue(t, reg, "credwatch_alerts_stored_total", map[string]string{"severity": "high"}))
	require.Equal(t, 2.0, metricValue(t, reg, "credwatch_alerts_published_total", map[string]string{"rule": "cross_tenant_private"}))
	require.Equal(t, 1.0, metricValue(t, reg, "credwatch_alerts_write_duration_seconds", nil))
}

func TestWriteSendsEachEvidenceEventOnce(t *testing.T) {
	st, w := &fakeStore{}, &fakeWriter{}
	s, _ := newFakeSink(t, st, w)
	ups := lifecycle("victim", "tok1")
	for _, u := range ups {
		require.NoError(t, s.Write(context.Background(), []detect.Update{u}))
	}
	require.Equal(t, 3, st.rows("alert_evidence"), "one row per event across three writes")
	require.NoError(t, s.Write(context.Background(), ups), "a replay")
	require.Equal(t, 3, st.rows("alert_evidence"), "a replay sends no evidence already durable")
	require.Equal(t, 6, st.rows("alerts"), "alert revisions are re-sent; the table key collapses them")
}

func TestClickHouseDownIsRetryableAndNothingIsPublished(t *testing.T) {
	st := &fakeStore{failures: []error{errors.New("dial tcp 127.0.0.1:8123: connect: connection refused")}}
	w := &fakeWriter{}
	s, reg := newFakeSink(t, st, w)
	ups := lifecycle("victim", "tok1")
	err := s.Write(context.Background(), ups)
	var e *alertsink.Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, alertsink.StageClickHouse, e.Stage)
	require.True(t, alertsink.Retryable(err), "%v", err)
	require.Empty(t, w.msgs, "nothing is published before it is stored")
	require.Equal(t, 1.0, metricValue(t, reg, "credwatch_alerts_write_errors_total", map[string]string{"stage": "clickhouse", "kind": "retryable"}))

	require.NoError(t, s.Write(context.Background(), ups), "the retry")
	require.Equal(t, 3, st.rows("alert_evidence"), "evidence of the failed write is sent by the retry")
	require.Len(t, w.msgs, 2)
}

func TestClickHouseRefusalIsPermanent(t *testing.T) {
	st := &fakeStore{failures: []error{&clickhouse.Exception{Code: 60, Message: "Table credwatch.alerts doesn't exist"}}}
	s, _ := newFakeSink(t, st, &fakeWriter{})
	err := s.Write(context.Background(), lifecycle("victim", "tok1"))
	require.Error(t, err)
	require.False(t, alertsink.Retryable(err), "%v", err)
	require.ErrorContains(t, err, "alertsink clickhouse (permanent)")
}

func TestKafkaErrorsAreClassified(t *testing.T) {
	for name, tc := range map[string]struct {
		err       error
		retryable bool
	}{
		"connection lost":       {io.ErrUnexpectedEOF, true},
		"leader moving":         {kafka.WriteErrors{nil, kafka.LeaderNotAvailable}, true},
		"not enough replicas":   {kafka.NotEnoughReplicas, true},
		"message too large":     {kafka.MessageSizeTooLarge, false},
		"one message forbidden": {kafka.WriteErrors{nil, kafka.TopicAuthorizationFailed}, false},
	} {
		t.Run(name, func(t *testing.T) {
			st := &fakeStore{}
			s, _ := newFakeSink(t, st, &fakeWriter{err: tc.err})
			err := s.Write(context.Background(), lifecycle("victim", "tok1"))
			var e *alertsink.Error
			require.ErrorAs(t, err, &e)
			require.Equal(t, alertsink.StageKafka, e.Stage)
			require.Equal(t, tc.retryable, alertsink.Retryable(err), "%v", err)
			require.Equal(t, 3, st.rows("alerts"), "stored before publishing")
		})
	}
}

func TestBadUpdatesArePermanentAndWriteNothing(t *testing.T) {
	good := lifecycle("victim", "tok1")[0]
	noID := lifecycle("victim", "tok2")[0]
	noID.Alert.ID = ""
	noTenant := lifecycle("victim", "tok3")[0]
	noTenant.Alert.Tenant = ""
	rev0 := lifecycle("victim", "tok4")[0]
	rev0.Alert.Revision = 0
	for field, u := range map[string]detect.Update{
		"updates[1].alert:":           {Kind: "new"},
		"updates[1].alert.id":         noID,
		"updates[1].alert.tenant":     noTenant,
		"updates[1].alert.revision":   rev0,
		"updates[1].kind: \"closed\"": {Kind: "closed", Alert: good.Alert},
	} {
		st, w := &fakeStore{}, &fakeWriter{}
		s, _ := newFakeSink(t, st, w)
		err := s.Write(context.Background(), []detect.Update{good, u})
		require.ErrorContains(t, err, field)
		require.False(t, alertsink.Retryable(err))
		require.Empty(t, st.inserts, field)
		require.Empty(t, w.msgs, field)
	}
	require.NoError(t, (&alertsink.Sink{}).Write(context.Background(), nil), "nothing to write")
}

func TestNewNeedsStoreWriterAndRegistry(t *testing.T) {
	_, err := alertsink.New(alertsink.Config{Writer: &fakeWriter{}, Metrics: prometheus.NewRegistry()})
	require.ErrorContains(t, err, "store")
	_, err = alertsink.New(alertsink.Config{Store: &fakeStore{}, Metrics: prometheus.NewRegistry()})
	require.ErrorContains(t, err, "writer")
	_, err = alertsink.New(alertsink.Config{Store: &fakeStore{}, Writer: &fakeWriter{}})
	require.ErrorContains(t, err, "metrics")
}

func TestRetryable(t *testing.T) {
	require.False(t, alertsink.Retryable(nil))
	require.True(t, alertsink.Retryable(context.DeadlineExceeded))
}
