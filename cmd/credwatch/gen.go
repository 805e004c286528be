package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/produce"
)

type genCmd struct {
	Seed     uint64        `default:"1" help:"Seed: the same seed gives the same events."`
	Count    int64         `help:"Stop after this many events (0: no limit)."`
	Rate     float64       `help:"Events per second of wall time (0: as fast as possible)."`
	Duration time.Duration `help:"Stop after this long (0: no limit)."`
	Out      string        `default:"-" help:"File for JSON lines ('-' for stdout), or 'kafka'."`
	Brokers  []string      `env:"CREDWATCH_BROKERS" help:"Kafka brokers, with --out kafka."`
	Topic    string        `default:"credwatch.events" env:"CREDWATCH_TOPIC" help:"Topic, with --out kafka."`
	Start    string        `default:"2026-11-01T00:00:00Z" help:"Simulated time of the first event (RFC 3339), or 'now' for live wall-clock times."`
	Tenants  int           `default:"200" help:"Number of tenants (orgs)."`
	Scenario []string      `help:"Scenarios to mix in, repeatable: attacks play once per stream (see --list-scenarios)."`
	AttackAt time.Duration `name:"attack-at" help:"When attacks strike, after --start (0: 240h, after baselines' 7-day learning; the dormant token wakes 96 days later still)."`
	NoBenign bool          `name:"no-benign" help:"Write only the named attacks' events (warm-up history and attack), no benign traffic, then stop."`
	List     bool          `name:"list-scenarios" help:"List scenarios and exit."`
	SimRate  float64       `default:"200" help:"Simulated events per simulated second (sets event-time spacing)."`

	stdout io.Writer `kong:"-"` // where --list-scenarios prints; os.Stdout when nil
}

func (c *genCmd) Run(g *Globals, ctx context.Context) error {
	reg := c.registry()
	if c.List {
		return c.list(reg)
	}
	live := c.Start == "now"
	if c.Count == 0 && c.Duration == 0 && c.Out != "kafka" && !c.NoBenign {
		return fmt.Errorf("set --count or --duration when writing to a file")
	}
	if live && c.NoBenign {
		return fmt.Errorf("--no-benign writes simulated time: give --start a time, not 'now'")
	}
	start := time.Now()
	if !live {
		var err error
		if start, err = time.Parse(time.RFC3339, c.Start); err != nil {
			return fmt.Errorf("--start: %w", err)
		}
	}
	cfg := gen.Config{Seed: c.Seed, Tenants: c.Tenants, Start: start, Rate: c.SimRate, Scenarios: c.Scenario, Registry: reg}
	var events []event.Event
	var gn *gen.Generator
	var err error
	if c.NoBenign {
		events, err = attackEvents(cfg)
	} else {
		gn, err = gen.New(cfg)
	}
	if err != nil {
		return err
	}
	sink, err := c.sink()
	if err != nil {
		return err
	}
	var n int64
	if c.NoBenign {
		n, err = c.writeEvents(ctx, sink, events)
	} else {
		n, err = produce.Run(ctx, gn, produce.Options{Count: c.Count, Rate: c.Rate, Duration: c.Duration, Live: live},
			sink, clock.Real{}, nil)
	}
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	fmt.Fprintf(os.Stderr, "generated %d events\n", n)
	return err
}

// registry is the built-in registry, its attacks, variants and look-alikes
// moved to --attack-at.
func (c *genCmd) registry() *gen.Registry {
	reg := gen.Builtin()
	if c.AttackAt > 0 {
		for _, s := range slices.Concat(gen.Attacks(c.AttackAt), gen.Variants(c.AttackAt), gen.LookAlikes(c.AttackAt)) {
			reg.Add(s)
		}
	}
	return reg
}

// list prints every scenario with what it does (and the rule meant to catch an attack).
func (c *genCmd) list(reg *gen.Registry) error {
	out := c.stdout
	if out == nil {
		out = os.Stdout
	}
	for _, name := range reg.Names() {
		s, _ := reg.Get(name)
		line := fmt.Sprintf("%-25s %s", name, s.Description())
		if a, ok := s.(gen.Attack); ok {
			line += " [rule " + a.Rule() + "]"
		}
		if _, err := fmt.Fprintln(out, line); err != nil {
			return err
		}
	}
	return nil
}

// attackEvents are the episodes of cfg's scenarios, merged in time order;
// every scenario must be an attack.
func attackEvents(cfg gen.Config) ([]event.Event, error) {
	if len(cfg.Scenarios) == 0 {
		return nil, fmt.Errorf("--no-benign needs at least one --scenario")
	}
	var events []event.Event
	for _, name := range cfg.Scenarios {
		ep, err := gen.EpisodeOf(cfg, name)
		if err != nil {
			return nil, fmt.Errorf("--scenario %s: %w", name, err)
		}
		events = append(events, ep.Events...)
	}
	slices.SortStableFunc(events, func(a, b event.Event) int { return a.Time.Compare(b.Time) })
	return events, nil
}

// writeEvents writes events (at most --count) to sink, keyed like produce.Run.
func (c *genCmd) writeEvents(ctx context.Context, sink produce.Sink, events []event.Event) (int64, error) {
	if c.Count > 0 && int64(len(events)) > c.Count {
		events = events[:c.Count]
	}
	msgs := make([]produce.Message, len(events))
	for i := range events {
		msgs[i] = produce.Message{Key: []byte(events[i].PartitionKey()), Value: gen.AppendJSON(nil, &events[i])}
	}
	return int64(len(msgs)), sink.Write(ctx, msgs)
}

func (c *genCmd) sink() (produce.Sink, error) {
	if c.Out == "kafka" {
		if len(c.Brokers) == 0 {
			return nil, fmt.Errorf("--out kafka needs --brokers")
		}
		return produce.NewKafkaSink(c.Brokers, c.Topic), nil
	}
	return produce.NewFileSink(c.Out)
}
