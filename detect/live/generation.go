package live

import (
	"context"
	"errors"
	"sync"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/internal/kafkatopic"
	"github.com/credwatch/credwatch/internal/retry"
)

// generation judges the partitions gen assigned until the generation ends
// or ctx ends. Fetching stops at once with either; the batches in flight
// are written and committed while the generation lasts, within the shutdown
// grace after ctx ends.
func (d *detector) generation(ctx, gctx context.Context, gen *kafka.Generation) error {
	fetchCtx, cancelFetch := context.WithCancel(gctx)
	defer cancelFetch()
	defer context.AfterFunc(ctx, cancelFetch)()
	workCtx, cancelWork := context.WithCancel(gctx)
	defer cancelWork()
	defer context.AfterFunc(ctx, func() {
		select {
		case <-d.clock.After(d.cfg.ShutdownGrace):
			cancelWork()
		case <-workCtx.Done():
		}
	})()
	d.metrics.lag.Reset()
	parts, err := d.assign(fetchCtx, gen)
	defer func() {
		for _, p := range parts {
			p.close()
		}
	}()
	if fetchCtx.Err() != nil {
		return nil // rebalanced or stopping while assigning
	}
	if err != nil {
		return err
	}
	d.log.Info("judging partitions", "topic", d.topic, "group", d.cfg.Group, "generation", gen.ID, "partitions", ids(parts))
	if d.ready != nil {
		d.ready(true)
	}
	errs := make(chan error, len(parts))
	var wg sync.WaitGroup
	for _, p := range parts {
		w := d.newWorker(p, gen)
		wg.Go(func() {
			err := w.run(fetchCtx, workCtx)
			if err != nil {
				cancelFetch() // one partition failed: end the generation for all
				cancelWork()
			}
			errs <- err
		})
	}
	if len(parts) == 0 {
		<-fetchCtx.Done()
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// assign opens gen's partitions, reads ahead to each one's cutoff, and
// warm-starts their engines from the history.
func (d *detector) assign(ctx context.Context, gen *kafka.Generation) ([]*partition, error) {
	var parts []*partition
	var ids []int
	for _, a := range gen.Assignments[d.topic] {
		p, err := openPartition(d.cfg, d.topic, a, d.log)
		if err != nil {
			return parts, err
		}
		parts, ids = append(parts, p), append(ids, a.ID)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	n, err := kafkatopic.Partitions(ctx, d.client, d.topic)
	if err != nil {
		return parts, err
	}
	ends, err := endOffsets(ctx, d.client, d.topic, ids)
	if err != nil {
		return parts, err
	}
	dec, now := d.newDecoder(), d.clock.Now()
	for _, p := range parts {
		if err := p.prepare(ctx, ends[p.id], dec, d.cfg, now); err != nil {
			return parts, err
		}
	}
	d.warm.load(ctx, parts, n)
	return parts, nil
}

// newWorker builds the worker of p, committing through gen.
func (d *detector) newWorker(p *partition, gen *kafka.Generation) *worker {
	return &worker{p: p, label: partitionLabel(p.id), cfg: d.cfg, dec: d.newDecoder(), writer: d.writer,
		commit: func(next int64) error {
			return gen.CommitOffsets(map[string]map[int]int64{d.topic: {p.id: next}})
		},
		retry: retry.Retrier{Clock: d.clock, Health: d.health, Log: d.log, Max: d.cfg.MaxBackoff, HealthName: healthName,
			OnRetry: func(c string) { d.metrics.retries.WithLabelValues(c).Inc() }},
		clock: d.clock, metrics: d.metrics, log: d.log, ruleErrs: map[string]int{}}
}
