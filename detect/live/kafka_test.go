package live_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/testenv"
)

const (
	topic      = "credwatch.events"
	rekeyTopic = "credwatch.events.by-principal"
	partitions = 4
)

// produceKeyed writes uses to topic keyed by event.PartitionKey (as package
// produce keys them), with keyOf overriding the key when set.
func produceKeyed(t testing.TB, brokers []string, uses []use, keyOf func(use) string) {
	t.Helper()
	msgs := make([]kafka.Message, len(uses))
	for i, u := range uses {
		ev := record(u).Event
		key := ev.PartitionKey()
		if keyOf != nil {
			key = keyOf(u)
		}
		msgs[i] = kafka.Message{Key: []byte(key), Value: u.json()}
	}
	produceMessages(t, brokers, msgs)
}

// produceMessages writes msgs to topic in order, partitioned by key with
// kafka.Hash{} as producers partition.
func produceMessages(t testing.TB, brokers []string, msgs []kafka.Message) {
	t.Helper()
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: 1000, BatchTimeout: time.Millisecond}
	defer w.Close()
	require.NoError(t, w.WriteMessages(context.Background(), msgs...))
}

// committed sums the group's committed offsets on topic.
func committed(t testing.TB, broker, group, topic string) int64 {
	var sum int64
	for _, off := range committedByPartition(t, broker, group, topic) {
		sum += off
	}
	return sum
}

// committedByPartition is the group's next offset to read per partition (0
// when nothing is committed).
func committedByPartition(t testing.TB, broker, group, topic string) map[int]int64 {
	out, err := fetchCommitted(broker, group, topic)
	require.NoError(t, err)
	return out
}

// fetchCommitted is committedByPartition for use off the test goroutine.
func fetchCommitted(broker, group, topic string) (map[int]int64, error) {
	c := &kafka.Client{Addr: kafka.TCP(broker)}
	got, err := c.OffsetFetch(context.Background(), &kafka.OffsetFetchRequest{GroupID: group,
		Topics: map[string][]int{topic: {0, 1, 2, 3}}})
	if err != nil {
		return nil, err
	}
	out := map[int]int64{}
	for _, p := range got.Topics[topic] {
		out[p.Partition] = max(p.CommittedOffset, 0)
	}
	return out, nil
}

// readAll reads every message of topic's partitions.
func readAll(t testing.TB, broker, topic string) []kafka.Message {
	ctx := context.Background()
	c := &kafka.Client{Addr: kafka.TCP(broker)}
	reqs := []kafka.OffsetRequest{kafka.LastOffsetOf(0), kafka.LastOffsetOf(1), kafka.LastOffsetOf(2), kafka.LastOffsetOf(3)}
	ends, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
	require.NoError(t, err)
	var out []kafka.Message
	for _, po := range ends.Topics[topic] {
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{broker}, Topic: topic, Partition: po.Partition,
			MaxWait: 100 * time.Millisecond})
		for range po.LastOffset {
			m, err := r.ReadMessage(ctx)
			require.NoError(t, err)
			out = append(out, m)
		}
		r.Close()
	}
	return out
}

// newKafka starts a broker with the events topic (the re-key stage creates its own).
func newKafka(t *testing.T) []string {
	return testenv.Kafka(t, partitions, topic).ListenAddrs()
}

// partitionsByKey maps each message's credential (its token id) to the
// partitions holding its messages (contract JSON, the wire form, frames).
func partitionsByKey(t testing.TB, msgs []kafka.Message) map[string]map[int]bool {
	out := map[string]map[int]bool{}
	for _, m := range msgs {
		evs, err := event.DecodeWireMessage(m.Value)
		if err != nil {
			evs = make([]event.Event, 1)
			require.NoError(t, json.Unmarshal(m.Value, &evs[0]))
		}
		for _, ev := range evs {
			if out[ev.Token.ID] == nil {
				out[ev.Token.ID] = map[int]bool{}
			}
			out[ev.Token.ID][m.Partition] = true
		}
	}
	return out
}
