package gen_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/gen"
)

func TestSameConfigGivesSameBytes(t *testing.T) {
	cfg := gen.Config{Seed: 42, Tenants: 80, Start: start, Rate: 50,
		Registry: gen.NewRegistry(gen.Travel{PerUserDay: 2}, gen.VPN{PerUserDay: 2}, gen.FailedAuths{PerUserDay: 2})}
	a, b := stream(newGen(t, cfg), 10_000), stream(newGen(t, cfg), 10_000)
	require.Equal(t, a, b)
}

func TestDifferentSeedGivesDifferentStream(t *testing.T) {
	cfg := gen.Config{Seed: 1, Start: start}
	a := stream(newGen(t, cfg), 1000)
	cfg.Seed = 2
	b := stream(newGen(t, cfg), 1000)
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	require.Zero(t, same)
}

func TestFirstEventIsAtStart(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 3, Start: start})
	var n int
	each(g, 1, func(ev *eventT) {
		n++
		require.True(t, ev.Time.Equal(start), ev.Time)
	})
	require.Equal(t, 1, n)
}

func TestRateIsEventsPerSecond(t *testing.T) {
	// At 15:00 UTC on a weekday the curve is at its peak: 1.16 × 1.45 ≈ 1.68.
	at := start.Add(7 * 3600e9)
	g := newGen(t, gen.Config{Seed: 4, Start: at, Rate: 100, NoOddities: true})
	var last eventT
	each(g, 100_000, func(ev *eventT) { last = *ev })
	perSecond := 100_000 / last.Time.Sub(at).Seconds()
	require.InDelta(t, 168, perSecond, 12)
}

func TestAddingAScenarioLeavesBenignTrafficAlone(t *testing.T) {
	cfg := gen.Config{Seed: 5, Start: start, Rate: 20, NoOddities: true}
	plain := newGen(t, cfg)
	cfg.Registry, cfg.Scenarios = gen.NewRegistry(marker{}), []string{"marker"}
	mixed := newGen(t, cfg)
	var want []string
	each(plain, 5000, func(ev *eventT) { ev.ID = ""; want = append(want, string(gen.AppendJSON(nil, ev))) })
	var got []string
	for len(got) < len(want) {
		each(mixed, 1, func(ev *eventT) {
			if ev.Action != "test.marker" {
				ev.ID = ""
				got = append(got, string(gen.AppendJSON(nil, ev)))
			}
		})
	}
	require.Equal(t, want, got)
}
