package live

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/segmentio/kafka-go"

	"github.com/credwatch/credwatch/health"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/retry"
)

// detector is detect's member of its consumer group: on every generation it
// opens the assigned partitions, warm-starts their engines and judges them,
// one worker per partition.
type detector struct {
	cfg        Config
	topic      string
	client     *kafka.Client
	warm       *warmer
	newDecoder func() *decode.Decoder
	writer     AlertWriter
	ready      func(bool)
	clock      clock.Clock
	log        *slog.Logger
	health     *health.Registry
	metrics    *Metrics
}

// run takes part in the group until ctx ends (then the batches in flight
// finish within the shutdown grace) or a worker fails permanently.
func (d *detector) run(ctx context.Context) error {
	st := d.cfg.SessionTimeout
	group, err := kafka.NewConsumerGroup(kafka.ConsumerGroupConfig{
		ID: d.cfg.Group, Brokers: d.cfg.Brokers, Topics: []string{d.topic},
		SessionTimeout: st, HeartbeatInterval: st / 5, RebalanceTimeout: st,
		JoinGroupBackoff: time.Second, StartOffset: kafka.FirstOffset,
		ErrorLogger: kafka.LoggerFunc(func(msg string, args ...any) {
			d.log.Warn("kafka consumer group", "detail", fmt.Sprintf(msg, args...))
		}),
	})
	if err != nil {
		return fmt.Errorf("consumer group %s: %w", d.cfg.Group, err)
	}
	defer group.Close()
	for {
		gen, err := group.Next(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			d.health.Degraded(healthName(componentGroup), err)
			d.log.Warn("joining consumer group", "group", d.cfg.Group, "err", err)
			continue // kafka-go backs off between joins
		}
		d.health.OK(healthName(componentGroup))
		done := make(chan error, 1)
		gen.Start(func(gctx context.Context) { done <- d.generation(ctx, gctx, gen) })
		if err := <-done; err != nil {
			if retry.IsPermanent(err) {
				return err
			}
			d.log.Warn("generation ended with an error; rejoining", "generation", gen.ID, "err", err)
			select {
			case <-ctx.Done():
			case <-d.clock.After(time.Second):
			}
		}
		if ctx.Err() != nil {
			return nil
		}
	}
}
