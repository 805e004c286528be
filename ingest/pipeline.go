package ingest

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
)

// Fetcher reads the next message of the consumer group.
type Fetcher interface {
	FetchMessage(ctx context.Context) (kafka.Message, error)
}

// fetchAhead is how many fetched messages may wait for the batcher while it
// decodes: enough to keep the fetcher busy meanwhile, without holding a
// second batch's messages in memory when batches are large.
const fetchAhead = 16384

// Pipeline reads from a Fetcher, batches and decodes, and hands each batch to
// the next stage in order. Decoding batch N+1 overlaps with storing batch N.
type Pipeline struct {
	cfg      Config
	fetch    Fetcher
	decoders []*decode.Decoder
	records  recordPool
	next     BatchConsumer
	clock    clock.Clock
	metrics  *Metrics
	log      *slog.Logger
}

// NewPipeline builds the pipeline in front of next. newDecoder is called once
// per decoder worker.
func NewPipeline(cfg Config, fetch Fetcher, newDecoder func() *decode.Decoder, next BatchConsumer,
	clk clock.Clock, m *Metrics, log *slog.Logger) *Pipeline {
	cfg = cfg.Defaults()
	decoders := make([]*decode.Decoder, cfg.Decoders)
	for i := range decoders {
		decoders[i] = newDecoder()
	}
	return &Pipeline{cfg: cfg, fetch: fetch, decoders: decoders, records: newRecordPool(), next: next, clock: clk, metrics: m, log: log}
}

// Run consumes until ctx ends, then finishes and commits the batch in flight
// (within ShutdownGrace) and returns nil; it returns an error only when
// fetching fails for good or the final batch could not be made durable.
func (p *Pipeline) Run(ctx context.Context) error {
	drainCtx, cancelDrain := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelDrain()
	stopGrace := context.AfterFunc(ctx, func() {
		select {
		case <-p.clock.After(p.cfg.ShutdownGrace):
			cancelDrain()
		case <-drainCtx.Done():
		}
	})
	defer stopGrace()

	msgs := make(chan kafka.Message, min(p.cfg.BatchSize, fetchAhead))
	fetchErr := make(chan error, 1)
	go func() { fetchErr <- p.fetchLoop(ctx, msgs) }()

	batches := make(chan *Batch, 1)
	sinkErr := make(chan error, 1)
	sinkStopped := make(chan struct{})
	go func() {
		defer close(sinkStopped)
		sinkErr <- p.sinkLoop(drainCtx, batches)
	}()
	p.batchLoop(msgs, batches, sinkStopped)
	close(batches)
	<-sinkStopped
	return errors.Join(<-fetchErr, <-sinkErr)
}

// fetchLoop feeds msgs until ctx ends or fetching fails; it closes msgs.
func (p *Pipeline) fetchLoop(ctx context.Context, msgs chan<- kafka.Message) error {
	defer close(msgs)
	for {
		m, err := p.fetch.FetchMessage(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		p.metrics.received.Inc()
		select {
		case msgs <- m:
		case <-ctx.Done():
			return nil // m is not committed; it is read again after restart
		}
	}
}

// batchLoop cuts batches by count, bytes or age, or when a backlog has
// drained (backlogDrain), and hands them on in order.
// A batch cut by a size bound while at least as many messages again wait in
// Kafka, in all the partitions read so far, says so (Batch.Backlog): a
// batch that holds only partitions near their ends is still part of a
// backlog when others lag. A consumer that holds such batches back
// (a Flusher) gets an empty batch when no message came within BatchTimeout
// after one: the stream has caught up after all.
func (p *Pipeline) batchLoop(msgs <-chan kafka.Message, batches chan<- *Batch, sinkStopped <-chan struct{}) {
	pending, bytes := make([]kafka.Message, 0, min(p.cfg.BatchSize, fetchAhead)), 0
	_, holds := p.next.(Flusher)
	drain := newBacklogDrain()
	var deadline <-chan time.Time
	flush := func(bySize bool) bool {
		b := &Batch{}
		if len(pending) > 0 {
			b = decodeBatch(p.decoders, pending, p.records.get(len(pending)))
			b.Backlog = bySize && drain.waiting >= int64(len(pending))
			if b.Backlog {
				b.After = drain.waiting * int64(bytes) / int64(len(pending))
			}
			clear(pending) // the batch keeps copies of what it needs
		} else if !holds {
			return true
		}
		b.Bytes = bytes
		drain.cut(b.Backlog, bySize)
		pending, bytes, deadline = pending[:0], 0, nil
		if b.Backlog && holds {
			deadline = p.clock.After(p.cfg.BatchTimeout)
		}
		select {
		case batches <- b:
			return true
		case <-sinkStopped:
			return false
		}
	}
	for {
		select {
		case m, ok := <-msgs:
			if !ok {
				flush(false)
				return
			}
			pending, bytes = append(pending, m), bytes+len(m.Value)
			drain.see(m)
			if len(pending) == 1 {
				deadline = p.clock.After(p.cfg.BatchTimeout)
			}
			bySize := len(pending) >= p.cfg.BatchSize || bytes >= p.cfg.BatchBytes
			if (bySize || drain.drained()) && !flush(bySize) {
				return
			}
		case <-deadline:
			if !flush(false) {
				return
			}
		case <-sinkStopped:
			return
		}
	}
}

// sinkLoop stores batches in order; it stops at the first batch that cannot
// be made durable (only when ctx ends), leaving it and later ones uncommitted.
func (p *Pipeline) sinkLoop(ctx context.Context, batches <-chan *Batch) error {
	for b := range batches {
		if err := p.next.ConsumeBatch(ctx, b); err != nil {
			return err
		}
		p.records.put(b.Records)
	}
	if f, ok := p.next.(Flusher); ok {
		return f.Flush(ctx)
	}
	return nil
}

// Flusher is a BatchConsumer that may hold batches back (Sink's groups):
// Flush makes them durable when the stream ends.
type Flusher interface {
	Flush(ctx context.Context) error
}
