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
