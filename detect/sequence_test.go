package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

// history is 10 days of alice's token used from home (AS3320, Berlin).
func history(tok string) []event.Event {
	var evs []event.Event
	for d := range 10 {
		evs = append(evs, use(fmt.Sprintf("h%s%d", tok, d), tok, t0.Add(time.Duration(d)*24*time.Hour), 3320, "DE", 52.5, 13.4))
	}
	return evs
}

func rulesOf(alerts []*detect.Alert) map[string]*detect.Alert {
	out := map[string]*detect.Alert{}
	for _, a := range alerts {
		out[a.Rule] = a
	}
	return out
}

func TestLeakReportedThenUsed(t *testing.T) {
	evs := history("tok")
	leak := event.Event{ID: "leak", Time: t0.Add(10*24*time.Hour + time.Hour), Action: "token.leak_reported", Outcome: "success",
		Tenant: "acme", Actor: event.Actor{ID: "secret-scanning", Type: "service"}, Token: event.Token{ID: "tok", Tenant: "acme"}}
	later := use("abuse", "tok", leak.Time.Add(3*time.Hour), 14061, "NL", 52.37, 4.9)
	later.Outcome = "denied"
	got := rulesOf(run(t, newEngine(t), append(evs, leak, later)))
	require.Contains(t, got, "leaked_token_used")
	a := got["leaked_token_used"]
	require.Equal(t, "critical", a.Severity)
	require.Equal(t, []string{"abuse"}, a.EventIDs)
	require.Equal(t, "leak", a.Explanation.Baseline.Sequence.LeakReported.EventID)
	require.InDelta(t, 180, a.Explanation.Baseline.Sequence.LeakReported.MinutesAgo, 0.1)
}

func TestMintedThenUsedElsewhere(t *testing.T) {
	evs := history("old")
	create := use("mint", "new", t0.Add(10*24*time.Hour), 3320, "DE", 52.5, 13.4)
	create.Action = "token.create"
	first := use("away", "new", create.Time.Add(4*time.Minute), 14061, "SG", 1.29, 103.85)
	got := rulesOf(run(t, newEngine(t), append(evs, create, first)))
	require.Contains(t, got, "minted_then_used_elsewhere")
	require.Equal(t, uint32(3320), got["minted_then_used_elsewhere"].Explanation.Baseline.Sequence.Minted.ASN)
}

func TestEnumerationAgainstItsOwnBaseline(t *testing.T) {
	evs := sweepAfterHistory()
	a := rulesOf(run(t, newEngine(t), evs))["enumeration"]
	require.NotNil(t, a)
	require.Equal(t, "sweep19", a.EventIDs[0], "the 20th distinct resource crosses the threshold")
	require.Equal(t, 11, a.Count, "one alert for the rest of the sweep")
	w := a.Explanation.Baseline.Window
	require.Equal(t, 20, w.Distinct)
	require.Equal(t, 3.0, w.Baseline.Median)
}

func TestLateEventsAreCountedAndJudged(t *testing.T) {
	e := newEngine(t)
	evs := history("tok")
	late := use("late", "tok", t0.Add(5*24*time.Hour), 3320, "DE", 52.5, 13.4) // five days behind the newest
	late.Token.Workload = "space:acme/chat"                                    // off-platform use of a Space token
	got := rulesOf(run(t, e, append(evs, late)))
	require.Equal(t, 1, e.Late())
	require.Contains(t, got, "workload_token_off_platform", "a late event is still judged")
	require.True(t, got["workload_token_off_platform"].Explanation.Baseline.Late)
}

// TestAnOlderStepArrivingLateKeepsTheNewerArmed: a leak report (or a
// creation, a revocation) delivered late, older than one already seen, must
// not replace it: the newer step still arms what follows.
func TestAnOlderStepArrivingLateKeepsTheNewerArmed(t *testing.T) {
	evs := history("tok")
	leak := event.Event{ID: "leak", Time: t0.Add(10*24*time.Hour + time.Hour), Action: "token.leak_reported", Outcome: "success",
		Tenant: "acme", Actor: event.Actor{ID: "secret-scanning", Type: "service"}, Token: event.Token{ID: "tok", Tenant: "acme"}}
	old := leak
	old.ID, old.Time = "leak-old", leak.Time.Add(-40*24*time.Hour) // an earlier finding, delivered late
	later := use("abuse", "tok", leak.Time.Add(3*time.Hour), 14061, "NL", 52.37, 4.9)
	a := rulesOf(run(t, newEngine(t), append(evs, leak, old, later)))["leaked_token_used"]
	require.NotNil(t, a, "the older report disarmed the newer")
	require.Equal(t, "leak", a.Explanation.Baseline.Sequence.LeakReported.EventID)

	create := use("mint", "new", t0.Add(10*24*time.Hour), 3320, "DE", 52.5, 13.4)
	create.Action = "token.create"
	stale := create
	stale.ID, stale.Time = "mint-replay", create.Time.Add(-2*time.Hour)
	away := use("away", "new", create.Time.Add(4*time.Minute), 14061, "SG", 1.29, 103.85)
	m := rulesOf(run(t, newEngine(t), append(history("old"), create, stale, away)))["minted_then_used_elsewhere"]
	require.NotNil(t, m, "a stale creation disarmed the fresh one")
	require.Equal(t, "mint", m.Explanation.Baseline.Sequence.Minted.EventID)
}
