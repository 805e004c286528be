package respond

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/internal/testenv"
)

// gatedEmitter holds every write until released.
type gatedEmitter struct {
	release  chan struct{}
	produced atomic.Int64
}

func (g *gatedEmitter) EmitAll(ctx context.Context, evs ...event.Event) error {
	select {
	case <-g.release:
	case <-ctx.Done():
		return ctx.Err()
	}
	g.produced.Add(int64(len(evs)))
	return nil
}

// TestAlertsCommittedAfterTheirEvents: with response.* events produced off
// the answering path, an alert's offset still waits for them: while the
// events topic holds every write, the intents are durable (and delivered)
// but no alert is committed; once the writes go through, both are.
func TestAlertsCommittedAfterTheirEvents(t *testing.T) {
	e := newEnv(t)
	k := testenv.Kafka(t, 1, alertsink.DefaultTopic)
	brokers := k.ListenAddrs()
	produce(t, brokers, []kafka.Message{newAlert(t, ruleLeaked, "acme", "cred_1", kindToken),
		newAlert(t, ruleOffPlatform, "globex", "cred_2", kindToken)})
	x := e.responder(t, Guardrails{TenantCap: 10, GlobalCap: 10}, nil)
	gate := &gatedEmitter{release: make(chan struct{})}
	q := NewEventQueue(gate, 100, discardLog())
	x.audit.emit, x.deliver.audit.emit = q, q
	x.wg.Go(func() { q.Run(x.ctx, time.Second) })
	const group = "respond-events-test"
	reader := ingest.NewReader(ingest.KafkaConfig{Brokers: brokers, Group: group, SessionTimeout: 6 * time.Second},
		alertsink.DefaultTopic, discardLog())
	t.Cleanup(func() { reader.Close() })
	x.wg.Go(func() { _ = x.consume(x.ctx, reader, health.New(e.clk.Now)) })

	e.waitStates(t, map[string]int{StateDelivered: 2})
	require.Zero(t, committed(t, brokers[0], group)[0], "no alert committed while its events wait")
	close(gate.release)
	testenv.Eventually(t, 30*time.Second, "both alerts committed once their events are produced",
		func() bool { return committed(t, brokers[0], group)[0] == 2 })
	require.GreaterOrEqual(t, gate.produced.Load(), int64(6), "a decision and two transitions per alert, at least")
}
