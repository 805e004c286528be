// Package kafkatopic holds the Kafka steps credwatch's stages share for their
// own topics: count a topic's partitions, create one like it, retry only
// the messages a write did not deliver.
package kafkatopic

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/event"
)

// Partitions is how many partitions topic has.
func Partitions(ctx context.Context, c *kafka.Client, topic string) (int, error) {
	md, err := c.Metadata(ctx, &kafka.MetadataRequest{Topics: []string{topic}})
	if err != nil {
		return 0, err
	}
	for _, t := range md.Topics {
		if t.Name != topic {
			continue
		}
		if t.Error != nil {
			return 0, fmt.Errorf("topic %s: %w", topic, t.Error)
		}
		if len(t.Partitions) == 0 {
			return 0, fmt.Errorf("topic %s: no partitions", topic)
		}
		return len(t.Partitions), nil
	}
	return 0, fmt.Errorf("topic %s: not found", topic)
}

// Ensure creates topic with n partitions (broker-default replication)
// unless it exists.
func Ensure(ctx context.Context, c *kafka.Client, topic string, n int) error {
	res, err := c.CreateTopics(ctx, &kafka.CreateTopicsRequest{Topics: []kafka.TopicConfig{
		{Topic: topic, NumPartitions: n, ReplicationFactor: -1}}})
	if err != nil {
		return fmt.Errorf("create topic %s: %w", topic, err)
	}
	if err := res.Errors[topic]; err != nil && !errors.Is(err, kafka.TopicAlreadyExists) {
		return fmt.Errorf("create topic %s: %w", topic, err)
	}
	return nil
}

// NewClient is a Kafka admin client on brokers.
func NewClient(brokers []string) *kafka.Client {
	return &kafka.Client{Addr: kafka.TCP(brokers...), Timeout: 10 * time.Second}
}

// EnsureLike creates topic, unless it exists, with as many partitions as
// source: a stage's output keyed by principal keeps the source's parallelism.
func EnsureLike(ctx context.Context, c *kafka.Client, topic, source string) error {
	n, err := Partitions(ctx, c, source)
	if err != nil {
		return err
	}
	return Ensure(ctx, c, topic, n)
}

// Unwritten keeps the messages a write did not deliver, so a retry does not
// produce the delivered ones again.
func Unwritten(msgs []kafka.Message, err error) ([]kafka.Message, error) {
	var werrs kafka.WriteErrors
	if err == nil || !errors.As(err, &werrs) || len(werrs) != len(msgs) {
		return msgs, err
	}
	var left []kafka.Message
	for i, e := range werrs {
		if e != nil {
			left = append(left, msgs[i])
		}
	}
	return left, err
}

// WireMessage is ev as detection reads it: its wire form, keyed by its
// principal (event.PartitionKey, as producers key the events topic), at
// Kafka time t, marked by WireHeaders.
func WireMessage(ev *event.Event, t time.Time) kafka.Message {
	return kafka.Message{Key: []byte(ev.PartitionKey()), Value: event.AppendWire(nil, ev), Time: t, Headers: WireHeaders()}
}

// WireHeaders mark a message whose value is wire-form events (one, or a
// frame of them).
func WireHeaders() []kafka.Header {
	return []kafka.Header{{Key: event.WireHeader, Value: []byte(event.WireContentType)}}
}

// IsWire reports whether headers mark wire-form events.
func IsWire(headers []kafka.Header) bool {
	for _, h := range headers {
		if h.Key == event.WireHeader {
			return string(h.Value) == event.WireContentType
		}
	}
	return false
}

// MaxBatchBytes bounds a writer's record batch below the broker's default
// message.max.bytes (1 MiB + 12): a larger batch is refused for good.
const MaxBatchBytes = 1_000_000
