package respond

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/internal/testenv"
)

// TestOffsetsWaitForTheOutbox: alerts are produced to the alerts topic
// (2 partitions, kfake) and the consume loop answers them, a batch of
// those fetched at a time. The outbox's insert of the 5th intent fails
// twice before writing and once after writing (its answer lost). While it
// fails, its alert is not committed and every committed alert's intent is
// durable; afterwards every offset is committed, no (intent, transition)
// row is in ClickHouse twice, the retries did not use up the revocation
// cap, and the intent whose answer was lost is delivered by the watch
// loop's resume.
func TestOffsetsWaitForTheOutbox(t *testing.T) {
	e := newEnv(t)
	k := testenv.Kafka(t, 2, alertsink.DefaultTopic)
	brokers := k.ListenAddrs()
	var msgs []kafka.Message
	for i := range 12 {
		kind := []string{kindToken, kindSecret}[i%2]
		msgs = append(msgs, newAlert(t, ruleLeaked, []string{"acme", "globex", "initech"}[i%3], fmt.Sprintf("cred_%d", i), kind))
	}
	msgs = append(msgs, msgs[0], msgs[5], msgs[7], msgs[11]) // re-published
	produce(t, brokers, msgs[:4])

	flaky := &flakyStore{Store: e.st, from: 5, before: 2, after: 1, blocked: make(chan struct{}), release: make(chan struct{})}
	x := e.idle(t, Guardrails{TenantCap: 12, GlobalCap: 12}, flaky) // any count too many would hold one
	require.NoError(t, e.st.Conn().Exec(context.Background(), "SYSTEM STOP MERGES response_intents"))
	const group = "respond-offsets-test"
	reader := ingest.NewReader(ingest.KafkaConfig{Brokers: brokers, Group: group, SessionTimeout: 6 * time.Second},
		alertsink.DefaultTopic, discardLog())
	t.Cleanup(func() { reader.Close() })
	h := health.New(e.clk.Now)
	fetch := &fetchLog{Reader: reader}
	x.wg.Go(func() { _ = x.consume(x.ctx, fetch, h) })
	testenv.Eventually(t, 30*time.Second, "the first 4 alerts committed", func() bool {
		offsets := committed(t, brokers[0], group)
		return offsets[0]+offsets[1] == 4
	})
	produce(t, brokers, msgs[4:])

	select {
	case <-flaky.blocked:
	case <-time.After(30 * time.Second):
		t.Fatal("the consume loop never reached the 5th intent")
	}
	before := committedAreDurable(t, e, fetch.fetched(), committed(t, brokers[0], group))
	require.NotEmpty(t, flaky.failing)
	require.GreaterOrEqual(t, before, 4, "the alerts answered before it are committed")
	close(flaky.release)
	testenv.Eventually(t, 30*time.Second, "every alert committed", func() bool {
		offsets := committed(t, brokers[0], group)
		return offsets[0]+offsets[1] == int64(len(msgs))
	})
	require.True(t, h.Healthy(), "recovered")

	var intents uint64
	require.NoError(t, e.st.Conn().QueryRow(context.Background(), "SELECT uniqExact(intent_id) FROM response_intents").Scan(&intents))
	require.Zero(t, e.duplicateTransitions(t), "no transition recorded twice")
	require.EqualValues(t, 12, intents)
	require.Equal(t, map[string]int{StateDelivering: 12}, e.states(t), "all automatic: the retries were not counted")

	x.run()
	x.startWatch()
	e.waitStates(t, map[string]int{StateDelivered: 12})
	require.Len(t, e.rcv.revocations(), 12)
	t.Logf("%d messages, outbox failed %d times on the insert of the 5th intent (%d credentials): %d committed while failing, all %d after; "+
		"%d intents, each delivered once", len(msgs), flaky.before+flaky.after, len(flaky.failing), before, len(msgs), intents)
}

// committedAreDurable requires every committed alert's intent to be in the
// outbox (so no alert of the failing insert is committed); it returns how
// many alerts are committed.
func committedAreDurable(t *testing.T, e *env, fetched []kafka.Message, offsets map[int]int64) int {
	durable := e.credentials(t)
	n := 0
	for _, m := range fetched {
		a, err := ParseAlert(m.Value)
		require.NoError(t, err)
		if m.Offset < offsets[m.Partition] {
			n++
			require.True(t, durable[a.Credential], "committed alert %d/%d has no durable intent", m.Partition, m.Offset)
		}
	}
	return n
}
