package ingest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/kafkatopic"
	"github.com/credwatch/credwatch/store"
)

// flakyPublisher delivers every other message of a write while failures
// last (a partial write, as kafka.WriteErrors reports it), then all.
type flakyPublisher struct {
	j         *journal
	failures  int
	delivered []kafka.Message
}

func (p *flakyPublisher) WriteMessages(_ context.Context, msgs ...kafka.Message) error {
	if p.failures == 0 {
		p.j.add("publish")
		p.delivered = append(p.delivered, msgs...)
		return nil
	}
	p.failures--
	p.j.add("publish failed")
	werrs := make(kafka.WriteErrors, len(msgs))
	for i, m := range msgs {
		if i%2 == 0 {
			p.delivered = append(p.delivered, m)
		} else {
			werrs[i] = errors.New("leader not available")
		}
	}
	return werrs
}

// TestSinkPublishesStoredEventsBeforeCommitting: published after the insert
// and before the commit; a partial failure resends only what was not
// delivered; every event is published once, in a frame routed to the
// partition its principal hashes to, whatever the owner, actor and
// credential.
func TestSinkPublishesStoredEventsBeforeCommitting(t *testing.T) {
	j := &journal{}
	c := &fakeCommitter{j: j}
	sink, _ := newTestSink(j, &flakyStore{j: j, failures: 1}, c)
	pub := &flakyPublisher{j: j, failures: 2}
	sink.Publish, sink.PublishPartitions = pub, 4
	at := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	var recs []store.Record
	for i := range 2500 { // more than a frame holds
		ev := event.Event{ID: fmt.Sprintf("e%d", i), Time: at.Add(time.Duration(i) * time.Second), Action: "token.use",
			Actor: event.Actor{ID: fmt.Sprintf("actor-%d", i%7)}, Token: event.Token{ID: fmt.Sprintf("tok-%d", i%11)}}
		if i%2 == 1 {
			ev.Token.Owner = "owner-" + ev.Token.ID // a thief's use is keyed by the owner
		}
		recs = append(recs, store.Record{Event: ev, Origin: store.Origin{Topic: "t", Offset: int64(i), Time: ev.Time.Add(time.Second)}})
	}
	b := &Batch{Records: recs, Last: []kafka.Message{{Partition: 0, Offset: 2499}}}
	require.NoError(t, sink.ConsumeBatch(context.Background(), b))
	require.Equal(t, []string{"insert failed", "insert", "publish failed", "publish failed", "publish", "commit"}, j.events)
	hash := kafkatopic.NewPartitioner(4)
	seen := map[string]bool{}
	for _, m := range pub.delivered {
		require.Contains(t, m.Headers, kafka.Header{Key: event.WireHeader, Value: []byte(event.WireContentType)})
		evs, err := event.DecodeWireMessage(m.Value)
		require.NoError(t, err)
		require.LessOrEqual(t, len(evs), 1000)
		for _, ev := range evs {
			require.False(t, seen[ev.ID], "%s published once", ev.ID)
			seen[ev.ID] = true
			require.Equal(t, hash.Of(ev.PartitionKey()), m.Partition, "%s routed by its principal", ev.ID)
			require.False(t, m.Time.After(ev.Time.Add(time.Second)), "the frame's time is its earliest")
		}
		require.Equal(t, m.Partition, kafkatopic.Routed{}.Balance(m, 0, 1, 2, 3))
	}
	require.Len(t, seen, len(recs))
}

// TestSinkPublishesNothingItDidNotStore: a batch the store refuses until
// the context ends is neither published nor committed; one whose publishing
// fails until then is not committed.
func TestSinkPublishesNothingItDidNotStore(t *testing.T) {
	j := &journal{}
	ctx, cancel := context.WithCancel(context.Background())
	sink, _ := newTestSink(j, storeFunc(func() error { cancel(); return errors.New("down") }), &fakeCommitter{j: j})
	pub := &flakyPublisher{j: j}
	sink.Publish = pub
	b := &Batch{Records: []store.Record{{Event: event.Event{ID: "e"}}}, Last: []kafka.Message{{Offset: 1}}}
	require.ErrorIs(t, sink.ConsumeBatch(ctx, b), context.Canceled)
	require.Empty(t, pub.delivered)

	j = &journal{}
	ctx, cancel = context.WithCancel(context.Background())
	c := &fakeCommitter{j: j}
	sink, _ = newTestSink(j, &flakyStore{j: j}, c)
	sink.Publish = writerFunc(func() error { cancel(); return errors.New("broker down") })
	require.ErrorIs(t, sink.ConsumeBatch(ctx, b), context.Canceled)
	require.Equal(t, []string{"insert"}, j.events)
	require.Empty(t, c.committed, "stored but not published: not committed, so a restart publishes it")
}

type writerFunc func() error

func (f writerFunc) WriteMessages(context.Context, ...kafka.Message) error { return f() }

// TestPublishMessagesKeepsEveryEvent: whatever the partition count (an
// unset one is one partition), every event is in exactly one frame.
func TestPublishMessagesKeepsEveryEvent(t *testing.T) {
	for _, n := range []int{0, 1, 3, 16} {
		var recs []store.Record
		for i := range 1234 {
			recs = append(recs, store.Record{Event: event.Event{ID: fmt.Sprintf("e%d", i), Actor: event.Actor{ID: fmt.Sprintf("a%d", i%13)}}})
		}
		got := 0
		for _, m := range PublishMessages(recs, n) {
			evs, err := event.DecodeWireMessage(m.Value)
			require.NoError(t, err)
			got += len(evs)
			require.Less(t, m.Partition, max(n, 1))
		}
		require.Equal(t, len(recs), got, "%d partitions", n)
	}
}
