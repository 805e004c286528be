package live

import (
	"context"
	"log/slog"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/kafkatopic"
	"github.com/credwatch/credwatch/internal/retry"
)

// rekeyer is the re-key stage (--rekey): it reads the events topic in its
// own group and produces each event to the internal topic keyed by
// event.PartitionKey, with the kafka.Hash{} balancer, so a principal's
// events, with all of its credentials', share a partition.
// Source offsets are committed only after the produce is acknowledged.
// The produced value is the event as ingest stores it (scrubbed of
// credential material); the Kafka timestamp is kept, so alert latency still
// counts from the original message.
type rekeyer struct {
	cfg     Config
	reader  *kafka.Reader
	writer  *kafka.Writer
	dec     *decode.Decoder
	retry   retry.Retrier
	clock   clock.Clock
	metrics *Metrics
	log     *slog.Logger
}

// newRekeyer builds the stage; it starts reading when run.
func newRekeyer(cfg Config, dec *decode.Decoder, r retry.Retrier, m *Metrics, log *slog.Logger) *rekeyer {
	reader := ingest.NewReader(ingest.KafkaConfig{Brokers: cfg.Brokers, Group: cfg.RekeyGroup,
		SessionTimeout: cfg.SessionTimeout, FetchWait: ingest.BulkFetchWait}, cfg.Topic, log)
	writer := &kafka.Writer{Addr: kafka.TCP(cfg.Brokers...), Topic: cfg.RekeyTopic, Balancer: &kafka.Hash{},
		RequiredAcks: kafka.RequireAll, BatchSize: cfg.BatchSize, BatchBytes: kafkatopic.MaxBatchBytes, BatchTimeout: cfg.BatchTimeout / 10}
	return &rekeyer{cfg: cfg, reader: reader, writer: writer, dec: dec, retry: r, clock: r.Clock, metrics: m, log: log}
}

// run re-keys until ctx ends; the batch in flight is finished within the
// shutdown grace.
func (r *rekeyer) run(ctx context.Context) error {
	defer r.reader.Close()
	defer r.writer.Close()
	workCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	defer context.AfterFunc(ctx, func() {
		select {
		case <-r.clock.After(r.cfg.ShutdownGrace):
			cancel()
		case <-workCtx.Done():
		}
	})()
	r.log.Info("re-keying by principal", "from", r.cfg.Topic, "to", r.cfg.RekeyTopic, "group", r.cfg.RekeyGroup)
	f := startFetch(ctx, r.reader, r.cfg.BatchSize)
	for {
		msgs, err := f.batch(r.clock, r.cfg.BatchSize, r.cfg.BatchTimeout)
		if len(msgs) == 0 {
			return err
		}
		if err := r.forward(workCtx, msgs); err != nil {
			return err
		}
	}
}

// forward produces msgs re-keyed, then commits them.
func (r *rekeyer) forward(ctx context.Context, msgs []kafka.Message) error {
	out := r.rekey(msgs)
	produced := len(out)
	if err := r.retry.Do(ctx, componentRekey, 0, func(ctx context.Context) error {
		if len(out) == 0 {
			return nil
		}
		var err error
		out, err = kafkatopic.Unwritten(out, r.writer.WriteMessages(ctx, out...))
		return err
	}); err != nil {
		return err
	}
	r.metrics.rekeyed.Add(float64(produced))
	if err := r.retry.Do(ctx, componentCommit, maxCommitAttempts, func(ctx context.Context) error {
		return r.reader.CommitMessages(ctx, msgs...)
	}); err != nil && ctx.Err() == nil {
		r.log.Warn("re-key offset commit abandoned; a replay produces duplicates the alert ids absorb", "err", err)
	}
	return nil
}

// rekey decodes msgs and writes each event's wire form keyed by its
// principal, so the engines need not decode it again; undecodable
// messages are counted and skipped (ingest dead-letters them).
func (r *rekeyer) rekey(msgs []kafka.Message) []kafka.Message {
	out := make([]kafka.Message, 0, len(msgs))
	for _, m := range msgs {
		evs, err := r.dec.DecodeMessage(m.Value, r.cfg.Topic)
		if err != nil {
			r.metrics.decodeFailures.WithLabelValues("rekey", reasonOf(err)).Inc()
		}
		for i := range evs { // a CloudTrail file becomes one message per record
			out = append(out, kafkatopic.WireMessage(&evs[i], m.Time))
		}
	}
	return out
}
