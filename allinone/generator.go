package allinone

import (
	"context"
	"sync/atomic"

	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/produce"
)

// generated counts events the generator produced.
type generated struct{ n atomic.Int64 }

// runGenerator produces live traffic into the events topic until ctx ends.
func runGenerator(ctx context.Context, o Options, count *generated, clk clock.Clock) error {
	g, err := gen.New(gen.Config{Seed: o.Seed, Start: clk.Now(), Rate: o.Rate})
	if err != nil {
		return err
	}
	sink := produce.NewKafkaSink(o.Brokers, o.Topic)
	defer sink.Close()
	_, err = produce.Run(ctx, g, produce.Options{Rate: o.Rate, Live: true}, sink, clk,
		func(n int) { count.n.Add(int64(n)) })
	if ctx.Err() != nil {
		return nil
	}
	return err
}
