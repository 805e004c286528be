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
	ep, err := PlanAttack(name, seed, a.clock.Now())
	if err != nil {
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

// PlanAttack is the episode of the attack scenario name that credwatch run
// plays with seed at now: planned from now, then from earlier, so that it
// ends just before now.
func PlanAttack(name string, seed uint64, now time.Time) (gen.Episode, error) {
	nominal := gen.Config{Seed: seed, Tenants: 20, Start: now}
	ep, err := gen.EpisodeOf(nominal, name)
	if err != nil || len(ep.Events) == 0 {
		return ep, fmt.Errorf("episode %s: %w", name, err)
	}
	return replanEndingAt(nominal, name, ep, now)
}

// replanEndingAt plans the episode again from earlier, so that it ends at
// about now, then shifts its events so that the last is a second before
// now: an episode's plan depends on its start time, so the replanned one
// may last longer or shorter than the first, and an event ahead of the
// clock would be refused by ingest as from the future.
func replanEndingAt(nominal gen.Config, name string, first gen.Episode, now time.Time) (gen.Episode, error) {
	nominal.Start = now.Add(-first.Events[len(first.Events)-1].Time.Sub(now) - time.Second)
	ep, err := gen.EpisodeOf(nominal, name)
	if err != nil || len(ep.Events) == 0 {
		return ep, fmt.Errorf("episode %s: %w", name, err)
	}
	shift := now.Add(-time.Second).Sub(ep.Events[len(ep.Events)-1].Time)
	for i := range ep.Events {
		ep.Events[i].Time = ep.Events[i].Time.Add(shift)
	}
	return ep, nil
}
