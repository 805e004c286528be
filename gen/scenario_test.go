package gen_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// eventT shortens event.Event in test callbacks.
type eventT = event.Event

// marker is a test scenario: one "test.marker" event 30 minutes into every window.
type marker struct{}

func (marker) Name() string        { return "marker" }
func (marker) Description() string { return "test marker" }
func (marker) Plan(w *gen.World, _ *rand.Rand, start, _ time.Time) []event.Event {
	u := w.Users[0]
	return []event.Event{{Time: start.Add(30 * time.Minute), Action: "test.marker",
		Tenant: u.Orgs[0].Name, Actor: u.Actor()}}
}

func TestUnknownScenarioListsKnownOnes(t *testing.T) {
	_, err := gen.New(gen.Config{Scenarios: []string{"travel", "nope"}})
	require.ErrorContains(t, err, `"nope"`)
	for _, name := range gen.Builtin().Names() {
		require.ErrorContains(t, err, name)
	}
}

func TestBuiltinHoldsTheOddities(t *testing.T) {
	r := gen.Builtin()
	require.Subset(t, r.Names(), []string{"failed_auths", "new_laptop", "travel", "vpn"})
	for _, name := range r.Names() {
		s, ok := r.Get(name)
		require.True(t, ok)
		require.Equal(t, name, s.Name())
		require.NotEmpty(t, s.Description())
	}
	r.Add(marker{})
	require.NotContains(t, gen.Builtin().Names(), "marker", "Builtin must return a fresh registry")
}

func TestRegisteredScenarioAppearsInStream(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 6, Start: start, Rate: 20, NoOddities: true,
		Registry: gen.NewRegistry(marker{}), Scenarios: []string{"marker"}})
	var markers []eventT
	for {
		var ev eventT
		if g.Next(&ev).After(start.Add(2 * time.Hour)) {
			break
		}
		if ev.Action == "test.marker" {
			markers = append(markers, ev)
		}
	}
	require.Len(t, markers, 2)
	require.True(t, markers[0].Time.Equal(start.Add(30*time.Minute)))
	require.True(t, markers[1].Time.Equal(start.Add(90*time.Minute)))
	require.NotEmpty(t, markers[0].ID)
	require.NotEqual(t, markers[0].ID, markers[1].ID)
	require.Equal(t, "success", markers[0].Outcome)
}

func TestAtSetsEventTimes(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 8, Start: start})
	now := time.Date(2025, 6, 1, 12, 0, 0, 123_456_789, time.UTC)
	var ev eventT
	for i := range 1000 {
		at := now.Add(time.Duration(i) * 10 * time.Millisecond)
		g.At(at)
		require.True(t, g.Next(&ev).Equal(at.Truncate(time.Millisecond)))
		require.True(t, ev.Time.Equal(at.Truncate(time.Millisecond)))
	}
	last := ev.Time
	require.False(t, g.Next(&ev).Before(last), "the simulated clock continues from the last At")
}
