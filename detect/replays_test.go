package detect_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestRedeliveredEventsCountOnce: at-least-once delivery hands events over
// again — at once, shuffled among the new ones, or after a warm start that
// learned them — and each counts once: the enumeration sweep's window holds
// the same 20 events and one alert as when delivered once. An id reused for
// events at other times is not a redelivery.
func TestRedeliveredEventsCountOnce(t *testing.T) {
	for _, c := range []struct {
		name   string
		replay func([]event.Event) []event.Event
	}{
		{"each sent twice in a row", func(evs []event.Event) []event.Event {
			var out []event.Event
			for _, ev := range evs {
				out = append(out, ev, ev)
			}
			return out
		}},
		{"the sweep resent shuffled after it", func(evs []event.Event) []event.Event {
			again := append([]event.Event(nil), evs[len(evs)-30:]...)
			rand.New(rand.NewPCG(1, 2)).Shuffle(len(again), func(i, j int) { again[i], again[j] = again[j], again[i] })
			return append(evs, again...)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := rulesOf(run(t, newEngine(t), c.replay(sweepAfterHistory())))["enumeration"]
			require.NotNil(t, a)
			require.Equal(t, 11, a.Count)
			require.Equal(t, 20, a.Explanation.Baseline.Window.Events, "the window counts each event once")
		})
	}
	t.Run("an id reused at another time is another event", func(t *testing.T) {
		evs := sweepAfterHistory()
		for i := range evs[len(evs)-30:] {
			evs[len(evs)-30+i].ID = "sweep" // one id for the whole sweep, each at its own time
		}
		a := rulesOf(run(t, newEngine(t), evs))["enumeration"]
		require.NotNil(t, a)
		require.Equal(t, 20, a.Explanation.Baseline.Window.Events)
	})
	t.Run("learned by a warm start, then streamed", func(t *testing.T) {
		e, evs := newEngine(t), sweepAfterHistory()
		for i := range evs[:len(evs)-10] {
			e.Learn(&evs[i])
		}
		for i := range evs {
			_, err := e.Process(context.Background(), &evs[i])
			require.NoError(t, err)
		}
		a := rulesOf(e.Alerts())["enumeration"]
		require.NotNil(t, a, "the last ten, new to the engine, still cross the threshold")
		require.Equal(t, []string{"sweep20"}, a.EventIDs[:1])
	})
}

// sweepAfterHistory is alice's token on 10 days of three private models a
// day from home, then 30 denied lists of other orgs' Spaces in 5 minutes
// from a new network.
func sweepAfterHistory() []event.Event {
	var evs []event.Event
	for d := range 10 {
		for i := range 3 {
			ev := use(fmt.Sprintf("n%d-%d", d, i), "tok", t0.Add(time.Duration(d)*24*time.Hour+time.Duration(i)*time.Minute), 3320, "DE", 52.5, 13.4)
			ev.Resource = event.Resource{Type: "model", ID: fmt.Sprintf("acme/m%d", i), Visibility: "private"}
			evs = append(evs, ev)
		}
	}
	sweep := t0.Add(11 * 24 * time.Hour)
	for i := range 30 {
		ev := use(fmt.Sprintf("sweep%d", i), "tok", sweep.Add(time.Duration(i)*10*time.Second), 14061, "NL", 52.37, 4.9)
		ev.Action, ev.Outcome = "secret.list", "denied"
		ev.Resource = event.Resource{Type: "space", ID: fmt.Sprintf("org%d/space", i), Visibility: "private"}
		evs = append(evs, ev)
	}
	return evs
}
