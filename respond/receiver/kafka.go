package receiver

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// DefaultEventsTopic is the events topic credwatch ingests.
const DefaultEventsTopic = "credwatch.events"

// MessageWriter writes Kafka messages and returns once they are acknowledged.
type MessageWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// KafkaEmitter emits events to Topic as contract v1 JSON (the rendering
// credwatch gen produces), keyed by the event's partition key so that they
// land where credwatch's own producers put them.
type KafkaEmitter struct {
	Writer MessageWriter
	Topic  string
}

// NewKafkaEmitter emits to topic on brokers, waiting for all in-sync
// replicas. Close it when done.
func NewKafkaEmitter(brokers []string, topic string) *KafkaEmitter {
	return &KafkaEmitter{Topic: topic, Writer: &kafka.Writer{
		Addr: kafka.TCP(brokers...), Balancer: &kafka.Hash{}, RequiredAcks: kafka.RequireAll,
		BatchTimeout: 2 * time.Millisecond, AllowAutoTopicCreation: true,
	}}
}

// Emit produces ev and returns once the broker acknowledged it.
func (k *KafkaEmitter) Emit(ctx context.Context, ev event.Event) error { return k.EmitAll(ctx, ev) }

// EmitAll produces evs in one write and returns once the broker
// acknowledged them all.
func (k *KafkaEmitter) EmitAll(ctx context.Context, evs ...event.Event) error {
	msgs := make([]kafka.Message, len(evs))
	for i := range evs {
		msgs[i] = kafka.Message{Topic: k.Topic, Key: []byte(evs[i].PartitionKey()), Value: gen.AppendJSON(nil, &evs[i])}
	}
	if err := k.Writer.WriteMessages(ctx, msgs...); err != nil {
		return fmt.Errorf("emit %d event(s) to %s: %w", len(evs), k.Topic, err)
	}
	return nil
}

// Close closes the writer when it can be closed.
func (k *KafkaEmitter) Close() error {
	if c, ok := k.Writer.(io.Closer); ok {
		return c.Close()
	}
	return nil
}
