package live

import (
	"context"
	"errors"
	"log/slog"
	"strconv"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/retry"
)

// worker judges one partition in batches: decode, run through the
// partition's engine, write the updates, then commit. It never commits past
// a message whose updates were not written.
type worker struct {
	p        *partition
	label    string // the partition as a metric label
	cfg      Config
	dec      *decode.Decoder
	writer   AlertWriter
	commit   func(next int64) error // commits the partition's next offset to read
	retry    retry.Retrier
	clock    clock.Clock
	metrics  *Metrics
	log      *slog.Logger
	ruleErrs map[string]int // engine.RuleErrors already counted
}

// run judges batches until fetching stops (after judging what was fetched)
// or a batch cannot be written before workCtx ends.
func (w *worker) run(fetchCtx, workCtx context.Context) error {
	f := startFetch(fetchCtx, w.p.reader, w.cfg.BatchSize, w.p.head...)
	for {
		msgs, err := f.batch(w.clock, w.cfg.BatchSize, w.cfg.BatchTimeout)
		if len(msgs) == 0 {
			return err
		}
		if err := w.handle(workCtx, msgs); err != nil {
			return err
		}
	}
}

// handle judges msgs, writes their updates and commits past them.
func (w *worker) handle(ctx context.Context, msgs []kafka.Message) error {
	updates, sent := w.judge(ctx, msgs)
	if err := ctx.Err(); err != nil {
		return err // rules judged under a cancelled context may have failed: commit nothing, the next owner judges again
	}
	if len(updates) > 0 {
		if err := w.retry.Do(ctx, componentWriter, 0, func(ctx context.Context) error {
			return w.writer.Write(ctx, updates)
		}); err != nil {
			return err
		}
		w.observeWritten(updates, sent, w.clock.Now())
	}
	last := msgs[len(msgs)-1]
	if err := w.retry.Do(ctx, componentCommit, maxCommitAttempts, func(context.Context) error {
		return w.commit(last.Offset + 1)
	}); err != nil {
		return err // the generation is over; the next owner replays, idempotently
	}
	w.metrics.observeLag(last)
	return nil
}

// judge runs msgs through the engine. sent[i] is the Kafka timestamp of the
// message behind updates[i].
func (w *worker) judge(ctx context.Context, msgs []kafka.Message) (updates []detect.Update, sent []time.Time) {
	judged := 0
	var firstErr error
	for i := range msgs {
		evs, err := decodeMessage(w.dec, &msgs[i], w.cfg.Topic, w.cfg.trustsWire())
		if err != nil {
			w.metrics.decodeFailures.WithLabelValues("detect", reasonOf(err)).Inc()
		}
		for j := range evs {
			ups, err := w.judgeOne(ctx, &evs[j])
			if err != nil && firstErr == nil {
				firstErr = err
			}
			for _, u := range ups {
				updates = append(updates, u)
				sent = append(sent, msgs[i].Time)
			}
			judged++
		}
	}
	w.metrics.events.WithLabelValues(w.label).Add(float64(judged))
	w.countRuleErrors(firstErr)
	return updates, sent
}

// judgeOne runs one event through the partition's engine.
func (w *worker) judgeOne(ctx context.Context, ev *event.Event) ([]detect.Update, error) {
	if !w.p.newest.IsZero() && ev.Time.Before(w.p.newest.Add(-w.cfg.LateAfter)) {
		w.metrics.late.Inc()
	}
	w.p.newest = maxTime(w.p.newest, ev.Time)
	return w.p.engine.Process(ctx, ev)
}

// countRuleErrors adds the engine's new rule errors to the metric and logs
// the batch's first.
func (w *worker) countRuleErrors(first error) {
	for rule, n := range w.p.engine.RuleErrors {
		if d := n - w.ruleErrs[rule]; d > 0 {
			w.metrics.ruleErrors.WithLabelValues(rule).Add(float64(d))
			w.ruleErrs[rule] = n
		}
	}
	if first != nil {
		w.log.Warn("rule error", "partition", w.p.id, "err", first)
	}
}

// observeWritten counts written updates and their event→alert latency.
func (w *worker) observeWritten(updates []detect.Update, sent []time.Time, now time.Time) {
	for i, u := range updates {
		w.metrics.alerts.WithLabelValues(u.Alert.Rule, u.Alert.Severity, u.Kind).Inc()
		if !sent[i].IsZero() {
			w.metrics.latency.Observe(max(now.Sub(sent[i]).Seconds(), 0))
		}
	}
}

// reasonOf is a decode failure's reason.
func reasonOf(err error) string {
	var de *decode.Error
	switch {
	case errors.As(err, &de):
		return de.Reason
	case errors.Is(err, event.ErrWire):
		return "wire"
	}
	return "internal"
}

// partitionLabel is a partition number as a label value.
func partitionLabel(id int) string { return strconv.Itoa(id) }
