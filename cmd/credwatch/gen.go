package main

import (
	"context"
	"fmt"
	"os"
	"time"

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
	Scenario []string      `help:"Scenarios to mix in (see --list-scenarios)."`
	List     bool          `name:"list-scenarios" help:"List scenarios and exit."`
	SimRate  float64       `default:"200" help:"Simulated events per simulated second (sets event-time spacing)."`
}

func (c *genCmd) Run(g *Globals, ctx context.Context) error {
	if c.List {
		reg := gen.Builtin()
		for _, name := range reg.Names() {
			s, _ := reg.Get(name)
			fmt.Printf("%-16s %s\n", name, s.Description())
		}
		return nil
	}
	if c.Count == 0 && c.Duration == 0 && c.Out != "kafka" {
		return fmt.Errorf("set --count or --duration when writing to a file")
	}
	live := c.Start == "now"
	start := time.Now()
	if !live {
		var err error
		if start, err = time.Parse(time.RFC3339, c.Start); err != nil {
			return fmt.Errorf("--start: %w", err)
		}
	}
	gn, err := gen.New(gen.Config{Seed: c.Seed, Tenants: c.Tenants, Start: start, Rate: c.SimRate, Scenarios: c.Scenario})
	if err != nil {
		return err
	}
	sink, err := c.sink()
	if err != nil {
		return err
	}
	n, err := produce.Run(ctx, gn, produce.Options{Count: c.Count, Rate: c.Rate, Duration: c.Duration, Live: live},
		sink, clock.Real{}, nil)
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	fmt.Fprintf(os.Stderr, "generated %d events\n", n)
	return err
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
