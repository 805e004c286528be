// Package produce paces a traffic generator's events into a sink — a JSON
// lines file or a Kafka topic — by count, rate and duration.
package produce

import (
	"context"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/internal/clock"
)

// Message is one encoded event and its partitioning key (the credential).
type Message struct {
	Key, Value []byte
}

// Sink receives encoded events in order.
type Sink interface {
	Write(ctx context.Context, msgs []Message) error
	Close() error
}

// Options bound and pace a run. Zero Count and Duration mean unbounded; zero
// Rate means as fast as the sink takes them.
type Options struct {
	Count    int64
	Rate     float64 // events per second of wall time
	Duration time.Duration
	Live     bool // stamp events with the wall clock instead of simulated time
}

// batchMax caps one Write.
const batchMax = 1000

// tick is how often a paced run tops up to its rate.
const tick = 10 * time.Millisecond

// Run emits events until a bound is reached or ctx ends; it returns how many
// were written. progress, when not nil, is told each batch size.
func Run(ctx context.Context, g *gen.Generator, o Options, sink Sink, clk clock.Clock, progress func(int)) (int64, error) {
	start := clk.Now()
	var sent int64
	var ev event.Event
	batch := make([]Message, 0, batchMax)
	for ctx.Err() == nil {
		elapsed := clk.Now().Sub(start)
		if o.Duration > 0 && elapsed >= o.Duration || o.Count > 0 && sent >= o.Count {
			return sent, nil
		}
		n := due(o, elapsed, sent)
		if n == 0 {
			select {
			case <-ctx.Done():
			case <-clk.After(tick):
			}
			continue
		}
		batch = batch[:0]
		for range n {
			if o.Live {
				g.At(clk.Now())
			}
			g.Next(&ev)
			batch = append(batch, Message{Key: key(&ev), Value: gen.AppendJSON(nil, &ev)})
		}
		if err := sink.Write(ctx, batch); err != nil {
			return sent, err
		}
		sent += int64(n)
		if progress != nil {
			progress(n)
		}
	}
	return sent, nil
}

// due is how many events to emit now.
func due(o Options, elapsed time.Duration, sent int64) int {
	n := int64(batchMax)
	if o.Rate > 0 {
		n = min(n, int64(o.Rate*elapsed.Seconds())-sent+1)
	}
	if o.Count > 0 {
		n = min(n, o.Count-sent)
	}
	return int(max(n, 0))
}

// key partitions by event.PartitionKey (the token's owner, else the actor),
// so a principal's events, with all of its credentials', stay in order on
// one partition.
func key(ev *event.Event) []byte { return []byte(ev.PartitionKey()) }
