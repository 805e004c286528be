package live

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/ingest/decode"
)

// partition is one assigned partition: its reader, the engine that holds
// the state of its credentials, and where the history ends and the stream
// begins.
type partition struct {
	id     int
	offset int64 // where the assignment starts: committed, or kafka.FirstOffset
	reader *kafka.Reader
	engine *detect.Engine
	head   []kafka.Message // read ahead to find the cutoff; judged first
	// cutoff splits the work: history before it is learned from ClickHouse,
	// events from it on are judged from the stream. It is the event time of
	// the first message to judge, so events stored by ingest but not yet
	// judged are not learned first (which would hide their alerts).
	cutoff time.Time
	newest time.Time // newest event time judged, for lateness
}

// openPartition returns a reader on topic's partition a.ID at a's offset.
func openPartition(cfg Config, topic string, a kafka.PartitionAssignment, log *slog.Logger) (*partition, error) {
	r := kafka.NewReader(kafka.ReaderConfig{
		Brokers: cfg.Brokers, Topic: topic, Partition: a.ID, Dialer: ingest.ReadAheadDialer(),
		MinBytes: 1, MaxBytes: 8 << 20, MaxWait: time.Second, // data returns at once; see ingest.NewReader
		ErrorLogger: kafka.LoggerFunc(func(msg string, args ...any) {
			log.Warn("kafka partition reader", "partition", a.ID, "detail", fmt.Sprintf(msg, args...))
		}),
	})
	if err := r.SetOffset(a.Offset); err != nil {
		r.Close()
		return nil, fmt.Errorf("partition %d: offset %d: %w", a.ID, a.Offset, err)
	}
	return &partition{id: a.ID, offset: a.Offset, reader: r}, nil
}

// prepare sets the cutoff: the event time of the first message to judge
// (read ahead into head), or now when there is none yet.
func (p *partition) prepare(ctx context.Context, ends kafka.PartitionOffsets, dec *decode.Decoder, cfg Config, now time.Time) error {
	p.cutoff = now
	start := p.offset
	switch start {
	case kafka.FirstOffset:
		start = ends.FirstOffset
	case kafka.LastOffset:
		start = ends.LastOffset
	}
	if start >= ends.LastOffset {
		return nil
	}
	m, err := p.reader.FetchMessage(ctx)
	if err != nil {
		return fmt.Errorf("partition %d: read ahead: %w", p.id, err)
	}
	p.head = []kafka.Message{m}
	if evs, err := decodeMessage(dec, &m, cfg.Topic, cfg.trustsWire()); err == nil && len(evs) > 0 && evs[0].Time.Before(now) {
		p.cutoff = evs[0].Time
	} else if err != nil && m.Time.Before(now) {
		p.cutoff = m.Time
	}
	return nil
}

// close stops the reader.
func (p *partition) close() { _ = p.reader.Close() }
