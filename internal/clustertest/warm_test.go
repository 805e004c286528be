package clustertest

import (
	"context"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/testenv"
)

// warmStartAndSink: two tokens have ten days of AS 1 history, stored
// through the Distributed tables (spread over every shard). Live detection
// on node i warm-starts from that history: a use from AS 1 is normal, one
// from AS 2 a first-seen network. Its alerts go to the alert sink in
// cluster mode and read back through alerts FINAL and alert_evidence; the
// same updates written again stay one alert each.
func (c *cluster) warmStartAndSink(t *testing.T, i int) {
	ctx := context.Background()
	st := c.open(t, i)
	now := time.Now()
	past := append(history("tok-known", 1, 10, now.Add(-time.Hour)), history("tok-moved", 1, 10, now.Add(-time.Hour))...)
	uses := []use{
		{id: "l-known", token: "tok-known", asn: 1, at: now.Add(-3 * time.Minute)},
		{id: "l-moved", token: "tok-moved", asn: 2, at: now.Add(-2 * time.Minute)},
	}
	require.NoError(t, st.InsertEvents(ctx, append(past, uses[1].record()), now))
	perNode := c.localCounts(t, "events_local", "id LIKE 'h-%'")
	t.Logf("figure: history rows per node %v", perNode)
	if c.Layout.Shards > 1 {
		for n, rows := range perNode {
			require.Positive(t, rows, "tenant acme's history is spread over every shard (node %d)", n+1)
		}
	}

	brokers := testenv.Kafka(t, 4, topic).ListenAddrs()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{}, RequiredAcks: kafka.RequireAll}
	for _, u := range uses {
		ev := u.record().Event
		require.NoError(t, w.WriteMessages(ctx, kafka.Message{Key: []byte(ev.PartitionKey()), Value: u.json()}))
	}
	require.NoError(t, w.Close())

	sink, closeSink, err := alertsink.Open(ctx, c.dsn(t, i), true, brokers, "credwatch.alerts",
		prometheus.NewRegistry(), clock.Real{}, quiet())
	require.NoError(t, err)
	t.Cleanup(closeSink)
	rec := &recorder{}
	d := startDetect(t, live.Config{Brokers: brokers, Topic: topic, ClickHouseDSN: c.dsn(t, i)}, live.Fanout{sink, rec})
	testenv.Eventually(t, time.Minute, "both live events judged", func() bool { return rec.judged(d, brokers[0]) == 2 })
	alerts := rec.newAlerts()
	require.Contains(t, alerts, "tok-moved/first_seen_asn", "a new network after 10 days of AS 1")
	require.NotContains(t, alerts, "tok-known/first_seen_asn", "AS 1 is known from the history on every shard")
	require.Equal(t, float64(len(past)), d.metric("credwatch_detect_warm_start_events_total"),
		"the warm start learned the whole history (earlier steps' events are older than its window)")
	c.checkSink(t, st, sink, rec)
}
