package live_test

import (
	"crypto/rand"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/testenv"
)

func TestRestartResumesFromCommittedOffsets(t *testing.T) {
	brokers := newKafka(t)
	first, _ := spaceTraffic("one", 20, 3, time.Now().Add(-2*time.Hour))
	produceKeyed(t, brokers, first, nil)
	s1 := startService(t, live.Config{Brokers: brokers}, &fakeWriter{})
	testenv.Eventually(t, 60*time.Second, "the first run committed", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == int64(len(first))
	})
	require.NoError(t, s1.stop())

	second, stolen := spaceTraffic("two", 20, 3, time.Now().Add(-time.Hour))
	produceKeyed(t, brokers, second, nil)
	w := &fakeWriter{}
	s2 := startService(t, live.Config{Brokers: brokers}, w)
	testenv.Eventually(t, 60*time.Second, "the second run committed", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == int64(len(first)+len(second))
	})
	require.Equal(t, float64(len(second)), s2.metric("credwatch_detect_events_total"),
		"the second consumer resumes at the committed offsets: nothing judged twice")
	alerts := w.newAlerts()
	require.Len(t, alerts, len(stolen))
	for tok := range stolen {
		require.Contains(t, alerts, tok+"/workload_token_off_platform")
	}
	require.NoError(t, s2.stop())
}

func TestRekeyPutsEachPrincipalInOnePartition(t *testing.T) {
	brokers := newKafka(t)
	uses, stolen := spaceTraffic("rk", 40, 5, time.Now().Add(-time.Hour))
	produceKeyed(t, brokers, uses, func(use) string { return rand.Text() })
	spread := 0
	for _, ps := range partitionsByKey(t, readAll(t, brokers[0], topic)) {
		spread += len(ps) - 1
	}
	require.Positive(t, spread, "precondition: randomly keyed, a credential's events span partitions")

	w := &fakeWriter{}
	s := startService(t, live.Config{Brokers: brokers, Rekey: true}, w)
	testenv.Eventually(t, 60*time.Second, "every re-keyed event judged and committed", func() bool {
		return committed(t, brokers[0], "credwatch-detect", rekeyTopic) == int64(len(uses))
	})
	require.Equal(t, int64(len(uses)), committed(t, brokers[0], "credwatch-detect-rekey", topic))
	hash := live.NewPartitioner(partitions)
	rekeyed := readAll(t, brokers[0], rekeyTopic)
	for _, m := range rekeyed {
		var ev event.Event
		require.NoError(t, event.DecodeWire(m.Value, &ev), "the re-keyed value is the decoded event's wire form")
		require.Equal(t, ev.Actor.ID, string(m.Key), "keyed by the principal")
		require.Contains(t, m.Headers, kafka.Header{Key: event.WireHeader, Value: []byte(event.WireContentType)})
		require.False(t, m.Time.IsZero())
	}
	byCredential := partitionsByKey(t, rekeyed)
	require.Len(t, byCredential, 40)
	for cred, ps := range byCredential {
		require.Equal(t, map[int]bool{hash.Of("actor-" + cred): true}, ps, "credential %s, with its principal", cred)
	}
	require.Len(t, w.newAlerts(), len(stolen))
	require.Equal(t, float64(len(uses)), s.metric("credwatch_detect_rekeyed_messages_total"))
	require.NoError(t, s.stop())
}
