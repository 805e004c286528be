package alertsink

import (
	"context"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/detect"
)

// DefaultTopic is where published alerts go unless configured otherwise.
const DefaultTopic = "credwatch.alerts"

// Headers of a published alert (the value is the OCSF JSON, the key the alert id).
const (
	HeaderRule     = "credwatch.rule"
	HeaderSeverity = "credwatch.severity"
	HeaderTenant   = "credwatch.tenant"
	HeaderRevision = "credwatch.revision"
	HeaderUpdate   = "credwatch.update" // new or escalated
)

// MessageWriter writes Kafka messages and returns once they are acknowledged.
type MessageWriter interface {
	WriteMessages(ctx context.Context, msgs ...kafka.Message) error
}

// NewWriter returns a synchronous writer that waits for all in-sync replicas
// and hashes the key, so every revision of an alert lands on one partition,
// in order. Messages name their topic.
func NewWriter(brokers []string) *kafka.Writer {
	return &kafka.Writer{
		Addr:                   kafka.TCP(brokers...),
		Balancer:               &kafka.Hash{},
		RequiredAcks:           kafka.RequireAll,
		BatchTimeout:           5 * time.Millisecond,
		BatchSize:              1000,
		AllowAutoTopicCreation: true,
	}
}

// Message is the Kafka message publishing update u (value already rendered:
// OCSF renders it).
func Message(topic string, u detect.Update, value []byte) kafka.Message {
	a := u.Alert
	return kafka.Message{
		Topic: topic,
		Key:   []byte(a.ID),
		Value: value,
		Headers: []kafka.Header{
			{Key: HeaderRule, Value: []byte(a.Rule)},
			{Key: HeaderSeverity, Value: []byte(a.Severity)},
			{Key: HeaderTenant, Value: []byte(a.Tenant)},
			{Key: HeaderRevision, Value: []byte(strconv.Itoa(a.Revision))},
			{Key: HeaderUpdate, Value: []byte(u.Kind)},
		},
	}
}
