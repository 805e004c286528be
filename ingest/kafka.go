package ingest

import (
	"fmt"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"
)

// KafkaConfig says how to reach the brokers.
type KafkaConfig struct {
	Brokers        []string
	Group          string
	SessionTimeout time.Duration // how long a dead member holds its partitions
}

// NewReader returns a consumer-group reader on topic that never commits by
// itself: offsets are committed by the Sink once a batch is durable.
func NewReader(kc KafkaConfig, topic string, log *slog.Logger) *kafka.Reader {
	if kc.SessionTimeout <= 0 {
		kc.SessionTimeout = 10 * time.Second
	}
	return kafka.NewReader(kafka.ReaderConfig{
		Brokers:  kc.Brokers,
		GroupID:  kc.Group,
		Topic:    topic,
		Dialer:   ReadAheadDialer(),
		MinBytes: 1,
		MaxBytes: 8 << 20,
		// MaxWait is the long-poll hold when there is no data (data returns at
		// once), and also how soon kafka-go wants the response to start: a
		// busy broker building a large response misses a short one, and the
		// reader then drops the connection and backs off.
		MaxWait:           time.Second,
		QueueCapacity:     10000,
		CommitInterval:    0, // synchronous, explicit commits only
		StartOffset:       kafka.FirstOffset,
		SessionTimeout:    kc.SessionTimeout,
		HeartbeatInterval: kc.SessionTimeout / 5,
		RebalanceTimeout:  kc.SessionTimeout,
		ErrorLogger: kafka.LoggerFunc(func(msg string, args ...any) {
			log.Warn("kafka reader", "detail", fmt.Sprintf(msg, args...))
		}),
	})
}

// NewDeadLetterWriter returns a writer that waits for all in-sync replicas.
func NewDeadLetterWriter(kc KafkaConfig) *kafka.Writer {
	return &kafka.Writer{
		Addr:                   kafka.TCP(kc.Brokers...),
		Balancer:               &kafka.Hash{},
		RequiredAcks:           kafka.RequireAll,
		BatchTimeout:           5 * time.Millisecond,
		BatchSize:              1000,
		AllowAutoTopicCreation: true,
	}
}
