package bench

import (
	"context"
	"time"

	"github.com/segmentio/kafka-go"
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

// waitPublished polls until topic holds n messages, returning when.
func waitPublished(ctx context.Context, brokers []string, topic string, n int64) (time.Time, error) {
	c := &kafka.Client{Addr: kafka.TCP(brokers...)}
	for {
		md, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
		if err == nil && len(md.Topics) == 1 && md.Topics[0].Error == nil {
			var reqs []kafka.OffsetRequest
			for _, p := range md.Topics[0].Partitions {
				reqs = append(reqs, kafka.LastOffsetOf(p.ID))
			}
			res, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{topic: reqs}})
			if err == nil && sumLast(res.Topics[topic]) >= n {
				return time.Now(), nil
			}
		}
		select {
		case <-ctx.Done():
			return time.Time{}, ctx.Err()
		case <-time.After(50 * time.Millisecond):
		}
	}
}

func sumLast(ps []kafka.PartitionOffsets) int64 {
	var n int64
	for _, p := range ps {
		n += max(p.LastOffset, 0)
	}
	return n
}
