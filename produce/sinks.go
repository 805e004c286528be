package produce

import (
	"bufio"
	"context"
	"io"
	"os"
	"time"

	"github.com/segmentio/kafka-go"
)

// FileSink writes one JSON object per line.
type FileSink struct {
	w      *bufio.Writer
	closer io.Closer
}

// NewFileSink writes to path, or to stdout for "-".
func NewFileSink(path string) (*FileSink, error) {
	if path == "-" {
		return &FileSink{w: bufio.NewWriterSize(os.Stdout, 1<<20)}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &FileSink{w: bufio.NewWriterSize(f, 1<<20), closer: f}, nil
}

// Write appends msgs' values as lines.
func (s *FileSink) Write(_ context.Context, msgs []Message) error {
	for _, m := range msgs {
		s.w.Write(m.Value)
		if err := s.w.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}

// Close flushes and closes the file.
func (s *FileSink) Close() error {
	err := s.w.Flush()
	if s.closer != nil {
		if cerr := s.closer.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

// KafkaSink produces to a topic, waiting for all in-sync replicas.
type KafkaSink struct{ w *kafka.Writer }

// NewKafkaSink writes to topic on brokers, partitioned by message key.
func NewKafkaSink(brokers []string, topic string) *KafkaSink {
	return &KafkaSink{w: &kafka.Writer{
		Addr: kafka.TCP(brokers...), Topic: topic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: batchMax, BatchTimeout: 5 * time.Millisecond,
		AllowAutoTopicCreation: true,
	}}
}

// Write produces msgs.
func (s *KafkaSink) Write(ctx context.Context, msgs []Message) error {
	km := make([]kafka.Message, len(msgs))
	for i, m := range msgs {
		km[i] = kafka.Message{Key: m.Key, Value: m.Value}
	}
	return s.w.WriteMessages(ctx, km...)
}

// Close flushes the writer.
func (s *KafkaSink) Close() error { return s.w.Close() }
