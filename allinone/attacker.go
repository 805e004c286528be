package allinone

import (
	"context"
	"fmt"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/produce"
)

// demoAttacks are the attacks `credwatch run` plays, in turn: both are
// revoked automatically by the default response policy.
var demoAttacks = []string{"leaked_token_used", "space_token_off_platform"}

// attacker plays an attack against the simulated platform: the first
// after FirstAttack, then every AttackEvery, each with fresh actors and
// tokens (a new seed), its last event at the wall-clock now.
type attacker struct {
	opts   Options
	clock  clock.Clock
	log    *slog.Logger
	played atomic.Int64
}

func (a *attacker) run(ctx context.Context) error {
	sink := produce.NewKafkaSink(a.opts.Brokers, a.opts.Topic)
	defer sink.Close()
	wait := a.opts.FirstAttack
	for i := 0; ; i++ {
		select {
		case <-ctx.Done():
			return nil
		case <-a.clock.After(wait):
		}
		wait = a.opts.AttackEvery
		name := demoAttacks[i%len(demoAttacks)]
		n, err := a.play(ctx, sink, name, a.opts.Seed+uint64(i)+1)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			a.log.Warn("attack not played", "scenario", name, "err", err)
			continue
		}
		a.played.Add(1)
		a.log.Info("attack played", "scenario", name, "events", n)
	}
}

// play produces one episode of the named attack, timed so that its last
// event happens now.
func (a *attacker) play(ctx context.Context, sink produce.Sink, name string, seed uint64) (int, error) {
	now := a.clock.Now()
	nominal := gen.Config{Seed: seed, Tenants: 20, Start: now}
	ep, err := gen.EpisodeOf(nominal, name)
	if err != nil || len(ep.Events) == 0 {
		return 0, fmt.Errorf("episode %s: %w", name, err)
	}
	nominal.Start = now.Add(-ep.Events[len(ep.Events)-1].Time.Sub(now) - time.Second)
	if ep, err = gen.EpisodeOf(nominal, name); err != nil {
		return 0, err
	}
	if a.opts.OnAttack != nil {
		a.opts.OnAttack(name, a.clock.Now())
	}
	msgs := make([]produce.Message, len(ep.Events))
	for i := range ep.Events {
		ev := &ep.Events[i]
		msgs[i] = produce.Message{Key: []byte(ev.PartitionKey()), Value: gen.AppendJSON(nil, ev)}
	}
	return len(msgs), sink.Write(ctx, msgs)
}
