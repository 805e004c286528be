package live_test

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/internal/testenv"
)

// spaceTraffic is, for each of tokens Space-bound tokens (ids and tokens
// named with prefix), uses from the
// platform's own network and, for every other token, one use from outside
// (AS 9009): those are the tokens workload_token_off_platform must name.
func spaceTraffic(prefix string, tokens, perToken int, start time.Time) (uses []use, stolen map[string]bool) {
	stolen = map[string]bool{}
	for i := range perToken {
		for tk := range tokens {
			u := use{id: fmt.Sprintf("%s-e-%d-%d", prefix, tk, i), token: fmt.Sprintf("%s-tok-%03d", prefix, tk),
				workload: fmt.Sprintf("space:acme/app-%d", tk), asn: 14618, internal: true,
				at: start.Add(time.Duration(i*tokens+tk) * time.Second)}
			if tk%2 == 1 && i == perToken-1 {
				u.asn, u.internal = 9009, false
				stolen[u.token] = true
			}
			uses = append(uses, u)
		}
	}
	return uses, stolen
}

func TestAlertsFromStreamKeyedAcrossPartitions(t *testing.T) {
	brokers := newKafka(t)
	uses, stolen := spaceTraffic("a", 40, 5, time.Now().Add(-time.Hour))
	produceKeyed(t, brokers, uses, nil)
	w := &fakeWriter{}
	s := startService(t, live.Config{Brokers: brokers}, w)
	testenv.Eventually(t, 60*time.Second, "every event judged and committed", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == int64(len(uses))
	})
	alerts := w.newAlerts()
	require.Len(t, alerts, len(stolen), "one alert per stolen token, none for the others")
	for tok := range stolen {
		a := alerts[tok+"/workload_token_off_platform"]
		require.NotNil(t, a, "alert for %s", tok)
		require.Equal(t, "critical", a.Severity)
		require.Contains(t, a.Explanation.Reason, "AS9009")
	}
	require.Equal(t, float64(len(uses)), s.metric("credwatch_detect_events_total"))
	require.Equal(t, float64(len(stolen)), s.metric("credwatch_detect_alerts_total"))
	require.Equal(t, 1.0, s.metric("credwatch_detect_cold_starts_total"), "no ClickHouse: one cold assignment")
	require.NoError(t, s.stop())
}

func TestOffsetsCommittedOnlyAfterTheWriterSucceeded(t *testing.T) {
	brokers := newKafka(t)
	uses, stolen := spaceTraffic("a", 20, 3, time.Now().Add(-time.Hour))
	produceKeyed(t, brokers, uses, nil)
	where := map[string]kafka.Message{} // event id → its message
	for _, m := range readAll(t, brokers[0], topic) {
		var ev struct{ ID string }
		require.NoError(t, json.Unmarshal(m.Value, &ev))
		where[ev.ID] = m
	}
	var checked int
	var violations []string
	w := &fakeWriter{failures: 6}
	w.onFail = func(updates []detect.Update) {
		// While the alerts of an event are unwritten, its partition's
		// committed offset must not pass it.
		done, err := fetchCommitted(brokers[0], "credwatch-detect", topic)
		if err != nil {
			violations = append(violations, err.Error())
			return
		}
		for _, u := range updates {
			m := where[u.Alert.EventIDs[len(u.Alert.EventIDs)-1]]
			if done[m.Partition] > m.Offset {
				violations = append(violations, fmt.Sprintf("partition %d committed to %d past unwritten alert at %d",
					m.Partition, done[m.Partition], m.Offset))
			}
			checked++
		}
	}
	s := startService(t, live.Config{Brokers: brokers, MaxBackoff: 200 * time.Millisecond}, w)
	testenv.Eventually(t, 60*time.Second, "every event committed", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == int64(len(uses))
	})
	w.mu.Lock()
	require.Positive(t, checked)
	require.Empty(t, violations)
	w.mu.Unlock()
	require.Len(t, w.newAlerts(), len(stolen), "no alert lost to the failed writes")
	require.Equal(t, 6.0, s.metric("credwatch_detect_retries_total"))
	require.NoError(t, s.stop())
}

// permanentErr is a writer error retrying cannot fix.
type permanentErr struct{}

func (permanentErr) Error() string   { return "alert rejected by the sink schema" }
func (permanentErr) Permanent() bool { return true }

// permanentWriter fails every write permanently.
type permanentWriter struct{}

func (permanentWriter) Write(context.Context, []detect.Update) error { return permanentErr{} }

func TestPermanentWriterErrorStopsTheService(t *testing.T) {
	brokers := newKafka(t)
	var uses []use // every one an alert
	for i := range 20 {
		uses = append(uses, use{id: fmt.Sprintf("perm-%d", i), token: fmt.Sprintf("perm-tok-%d", i),
			workload: "space:acme/app", asn: 9009, at: time.Now().Add(-time.Minute)})
	}
	produceKeyed(t, brokers, uses, nil)
	s := startService(t, live.Config{Brokers: brokers}, permanentWriter{})
	select {
	case <-s.exited:
	case <-time.After(60 * time.Second):
		t.Fatal("a permanent writer error must stop the service")
	}
	require.ErrorContains(t, s.err, "alert rejected by the sink schema")
	require.Zero(t, committed(t, brokers[0], "credwatch-detect", topic), "nothing committed past unwritten alerts")
}
