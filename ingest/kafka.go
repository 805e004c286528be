package ingest

import (
	"cmp"
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
	// FetchWait is kafka-go's MaxWait (0: 1 s): the long-poll hold when there
	// is no data (data returns at once), and also how soon the response must
	// start, or the reader drops the connection and backs off. A partition
	// reader stops (rebalance, shutdown) only after its fetch returns.
	FetchWait time.Duration
}

// BulkFetchWait is the FetchWait of readers of the events topic: 8 MiB
// responses from a broker that shares the cores (the in-process one of
// credwatch run and make bench) missed 1 s 4-11 times per million events
// once two INSERTs kept both cores busy, and 0 times with 3 s.
const BulkFetchWait = 3 * time.Second

// NewReader returns a consumer-group reader on topic that never commits by
// itself: offsets are committed by the Sink once a batch is durable.
func NewReader(kc KafkaConfig, topic string, log *slog.Logger) *kafka.Reader {
	if kc.SessionTimeout <= 0 {
		kc.SessionTimeout = 10 * time.Second
	}
	return kafka.NewReader(kafka.ReaderConfig{
		Brokers:           kc.Brokers,
		GroupID:           kc.Group,
		Topic:             topic,
		Dialer:            ReadAheadDialer(),
		MinBytes:          1,
		MaxBytes:          8 << 20,
		MaxWait:           cmp.Or(kc.FetchWait, time.Second),
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
