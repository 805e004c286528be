package bench

import (
	"context"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/internal/kafkatopic"
)

// produceAll writes values (with keys, when given) to topic.
func produceAll(ctx context.Context, brokers []string, topic string, keys, values [][]byte) error {
	w := &kafka.Writer{Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: 10000, BatchTimeout: 10 * time.Millisecond}
	defer w.Close()
	const chunk = 10000
	msgs := make([]kafka.Message, 0, chunk)
	for i := range values {
		m := kafka.Message{Value: values[i]}
		if keys != nil {
			m.Key = keys[i]
		}
		msgs = append(msgs, m)
		if len(msgs) == chunk || i == len(values)-1 {
			if err := w.WriteMessages(ctx, msgs...); err != nil {
				return err
			}
			msgs = msgs[:0]
		}
	}
	return nil
}

// waitCommitted polls until group has committed n messages of topic (the
// publishing ingest commits a batch after it is stored and published),
// returning when.
func waitCommitted(ctx context.Context, brokers []string, group, topic string, n int64) (time.Time, error) {
	c := kafkatopic.NewClient(brokers)
	count, err := kafkatopic.Partitions(ctx, c, topic)
	if err != nil {
		return time.Time{}, err
	}
	parts := make([]int, count)
	for i := range parts {
		parts[i] = i
	}
	for {
		res, err := c.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: parts}})
		if err == nil && sumCommitted(res.Topics[topic]) >= n {
			return time.Now(), nil
		}
		select {
		case <-ctx.Done():
			return time.Time{}, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func sumCommitted(ps []kafka.OffsetFetchPartition) int64 {
	var n int64
	for _, p := range ps {
		n += max(p.CommittedOffset, 0)
	}
	return n
}
