package detect_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/rules"
)

var t0 = time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)

func newEngine(t testing.TB) *detect.Engine {
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	return detect.NewEngine(rs, detect.Config{Baseline: detect.BaselineConfig{Learning: 7 * 24 * time.Hour}, Window: time.Hour})
}

// use is a successful token.use of tok from an ASN at a place.
func use(id, tok string, at time.Time, asn uint32, country string, lat, lon float64) event.Event {
	return event.Event{ID: id, Time: at, Action: "token.use", Outcome: "success", Tenant: "acme",
		Actor: event.Actor{ID: "alice", Type: "user", Tenants: []string{"acme"}}, Token: event.Token{ID: tok, Tenant: "acme"},
		Source: event.Source{ASN: asn, Country: country, Lat: lat, Lon: lon, HasGeo: true, UserAgent: "huggingface_hub/0.26"}}
}

func run(t *testing.T, e *detect.Engine, evs []event.Event) []*detect.Alert {
	for i := range evs {
		_, err := e.Process(context.Background(), &evs[i])
		require.NoError(t, err)
	}
	return e.Alerts()
}

func TestWorkloadTokenOffPlatformIsOneDeduplicatedAlert(t *testing.T) {
	var evs []event.Event
	for i := range 20 {
		ev := use("in"+string(rune('a'+i)), "space-tok", t0.Add(time.Duration(i)*time.Hour), 14618, "US", 39, -77)
		ev.Token.Workload, ev.Source.Internal = "space:acme/chat", true
		evs = append(evs, ev)
	}
	for i, id := range []string{"x1", "x2", "x3"} {
		ev := use(id, "space-tok", t0.Add(30*time.Hour+time.Duration(i)*time.Minute), 9009, "RO", 44.4, 26.1)
		ev.Token.Workload = "space:acme/chat"
		evs = append(evs, ev)
	}
	alerts := run(t, newEngine(t), evs)
	require.Len(t, alerts, 1)
	a := alerts[0]
	require.Equal(t, "workload_token_off_platform", a.Rule)
	require.Equal(t, "critical", a.Severity)
	require.Equal(t, 3, a.Count)
	require.Equal(t, []string{"x1", "x2", "x3"}, a.EventIDs)
	require.Contains(t, a.Explanation.Reason, "AS9009")
}

func TestImpossibleTravel(t *testing.T) {
	evs := []event.Event{
		use("paris", "tok", t0, 3215, "FR", 48.86, 2.35),
		use("sydney", "tok", t0.Add(time.Hour), 1221, "AU", -33.87, 151.21),
	}
	alerts := run(t, newEngine(t), evs)
	var travel *detect.Alert
	for _, a := range alerts {
		if a.Rule == "impossible_travel" {
			travel = a
		}
	}
	require.NotNil(t, travel, "alerts: %v", alerts)
	require.Equal(t, []string{"sydney"}, travel.EventIDs)
	require.InDelta(t, 16960, travel.Explanation.Baseline.Travel.KM, 100)
	require.Equal(t, "FR", travel.Explanation.Baseline.Travel.FromCountry)
}

func TestFirstSeenASNAfterLearningOnly(t *testing.T) {
	var evs []event.Event
	for d := range 30 {
		evs = append(evs, use("home"+string(rune('A'+d)), "tok", t0.Add(time.Duration(d)*24*time.Hour), 3320, "DE", 52.5, 13.4))
	}
	evs = append(evs, use("early-new", "tok2", t0, 3320, "DE", 52.5, 13.4), use("early-new-2", "tok2", t0.Add(24*time.Hour), 6830, "DE", 52.5, 13.4))
	evs[len(evs)-1].Actor.ID, evs[len(evs)-2].Actor.ID = "bob", "bob" // alice never used AS6830
	evs = append(evs, use("new-asn", "tok", t0.Add(31*24*time.Hour), 6830, "DE", 52.5, 13.4))
	alerts := run(t, newEngine(t), evs)
	require.Len(t, alerts, 1, "only the use after the learning period: %v", alerts)
	a := alerts[0]
	require.Equal(t, "first_seen_asn", a.Rule)
	require.Equal(t, []string{"new-asn"}, a.EventIDs)
	require.Equal(t, "UNSEEN", a.Explanation.Baseline.Profile.ASN)
	require.Equal(t, 31, a.Explanation.Baseline.HistoryDays)
}

func TestHigherSeverityIsNeverSwallowed(t *testing.T) {
	d := detect.NewDeduper(time.Hour)
	match := func(sev, id string, at time.Duration) *detect.Alert {
		return &detect.Alert{Rule: "r", Credential: "c", Tenant: "t", Severity: sev, FirstSeen: t0.Add(at), LastSeen: t0.Add(at), Count: 1, EventIDs: []string{id}}
	}
	u := d.Add(match("low", "1", 0))
	require.Equal(t, detect.UpdateNew, u.Kind)
	require.True(t, u.Publish())
	id := u.Alert.ID
	u = d.Add(match("high", "2", time.Minute))
	require.Equal(t, detect.UpdateEscalated, u.Kind, "an escalation is published")
	require.True(t, u.Publish())
	require.Equal(t, "high", u.Alert.Severity)
	require.Equal(t, []string{"1", "2"}, u.Alert.EventIDs)
	require.Equal(t, id, u.Alert.ID, "one group keeps its id")
	u = d.Add(match("low", "3", 2*time.Minute))
	require.Equal(t, detect.UpdateEvidence, u.Kind)
	require.False(t, u.Publish())
	require.Equal(t, "high", u.Alert.Severity)
	require.Equal(t, 3, u.Alert.Count)
	require.Equal(t, 3, u.Alert.Revision)
}

func TestStreamingEngineForgetsPastAlerts(t *testing.T) {
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	e := detect.NewEngine(rs, detect.Config{Streaming: true, Window: time.Hour})
	for i := range 3000 { // one off-platform use of a Space token every 10 minutes: a new alert every hour
		ev := use(fmt.Sprintf("x%d", i), fmt.Sprintf("tok%d", i), t0.Add(time.Duration(i)*10*time.Minute), 9009, "RO", 44.4, 26.1)
		ev.Token.Workload = "space:acme/chat"
		u, err := e.Process(context.Background(), &ev)
		require.NoError(t, err)
		require.Len(t, u, 1)
		require.Equal(t, detect.UpdateNew, u[0].Kind)
	}
	require.Less(t, len(e.Alerts()), 1100, "past alerts are forgotten, not kept forever")
}
