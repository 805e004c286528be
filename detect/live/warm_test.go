package live_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/modernreplay"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// history is days of uses of tok from asn, three a day, ending at end.
func history(tok string, asn uint32, days int, end time.Time) []store.Record {
	var out []store.Record
	for i := range days * 3 {
		at := end.Add(-time.Duration(i) * 8 * time.Hour)
		out = append(out, record(use{id: fmt.Sprintf("h-%s-%d", tok, i), token: tok, asn: asn, at: at}))
	}
	return out
}

// record is u as ingest stores it.
func record(u use) store.Record {
	return store.Record{Event: event.Event{ID: u.id, Time: u.at.UTC().Truncate(time.Millisecond), Action: "token.use",
		Outcome: "success", Tenant: "acme", Actor: event.Actor{ID: "actor-" + u.token, Type: "user", Tenants: []string{"acme"}},
		Token:  event.Token{ID: u.token, Kind: "fine_grained"},
		Source: event.Source{IP: "203.0.113.7", ASN: u.asn, ASOrg: "AS" + strconv.Itoa(int(u.asn)), Country: "US"},
		Format: event.FormatV1, Raw: u.json()}}
}

// TestWarmStartKeepsBaselinesAcrossRestart: two tokens have ten days of
// history from AS 1 in ClickHouse (a previous run's). After a (re)start, a
// use from AS 1 is normal and a use from AS 2 is a first-seen network; a
// token and actor without history are judged by the tenant's networks. The AS 2 use was already stored
// by ingest before detect judged it: the warm start must not learn it first.
func TestWarmStartKeepsBaselinesAcrossRestart(t *testing.T) {
	ch := testenv.ClickHouseWithUsers(t, testenv.LogQueries)
	ctx := context.Background()
	st, err := store.Open(ctx, ch.DSN("credwatch"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	defer st.Close()
	_, err = st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	now := time.Now()
	past := append(history("tok-known", 1, 10, now.Add(-time.Hour)), history("tok-moved", 1, 10, now.Add(-time.Hour))...)
	live1 := []use{
		{id: "l-known", token: "tok-known", asn: 1, at: now.Add(-3 * time.Minute)},
		{id: "l-moved", token: "tok-moved", asn: 2, at: now.Add(-2 * time.Minute)},
		{id: "l-new", token: "tok-new", asn: 1, at: now.Add(-time.Minute)},
	}
	stored := append(past, record(live1[1])) // ingest was faster than detect
	require.NoError(t, st.InsertEvents(ctx, stored, now))

	brokers := newKafka(t)
	produceKeyed(t, brokers, live1, nil)
	w := &fakeWriter{}
	s := startService(t, live.Config{Brokers: brokers, ClickHouseDSN: ch.DSN("credwatch")}, w)
	testenv.Eventually(t, 60*time.Second, "the live events judged", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == int64(len(live1))
	})
	alerts := w.newAlerts()
	require.Contains(t, alerts, "tok-moved/first_seen_asn", "a new network after 10 days of AS 1")
	require.NotContains(t, alerts, "tok-known/first_seen_asn", "AS 1 is known from the history")
	require.NotContains(t, alerts, "tok-new/first_seen_asn", "no history of its own: judged by the tenant's, where AS 1 is known")
	require.Equal(t, float64(len(past)), s.metric("credwatch_detect_warm_start_events_total"))
	require.Zero(t, s.metric("credwatch_detect_cold_starts_total"))
	require.Positive(t, s.metric("credwatch_detect_warm_start_duration_seconds"))
	t.Logf("figure: warm start learned %d events in %.1f ms", len(past),
		1000*s.metric("credwatch_detect_warm_start_duration_seconds"))
	require.NoError(t, s.stop())
	n := modernreplay.Check(t, st.Conn()) // the warm start's history query among them
	t.Logf("%d query shapes ran on ClickHouse 26.7", n)
}

// TestColdStartWhenClickHouseIsDown: alerts do not wait on ClickHouse.
func TestColdStartWhenClickHouseIsDown(t *testing.T) {
	port, err := chserver.FreePort()
	require.NoError(t, err)
	brokers := newKafka(t)
	uses, stolen := spaceTraffic("cold", 10, 2, time.Now().Add(-time.Hour))
	produceKeyed(t, brokers, uses, nil)
	w := &fakeWriter{}
	dsn := fmt.Sprintf("clickhouse://127.0.0.1:%d/credwatch?http_port=off", port)
	s := startService(t, live.Config{Brokers: brokers, ClickHouseDSN: dsn, WarmStartWait: time.Second}, w)
	testenv.Eventually(t, 60*time.Second, "judged without ClickHouse", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == int64(len(uses))
	})
	require.Len(t, w.newAlerts(), len(stolen))
	require.Equal(t, 1.0, s.metric("credwatch_detect_cold_starts_total"))
	require.Positive(t, s.metric("credwatch_detect_retries_total"), "ClickHouse was retried within the bound")
	require.NoError(t, s.stop())
}

// TestFigureWarmStart measures the warm start over 200,000 stored events of
// 2,000 credentials (prints figures; asserts only that every event was
// learned).
func TestFigureWarmStart(t *testing.T) {
	testenv.SkipFigureIfShort(t)
	const total, creds = 200000, 2000
	ch := testenv.ClickHouse(t)
	ctx := context.Background()
	st, err := store.Open(ctx, ch.DSN("credwatch"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	defer st.Close()
	_, err = st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	now := time.Now()
	recs := make([]store.Record, 0, 10000)
	for i := range total {
		u := use{id: fmt.Sprintf("w-%d", i), token: fmt.Sprintf("tok-%d", i%creds), asn: uint32(64500 + i%7),
			at: now.Add(-time.Hour - time.Duration(total-i)*10*time.Second)}
		if recs = append(recs, record(u)); len(recs) == cap(recs) {
			require.NoError(t, st.InsertEvents(ctx, recs, now))
			recs = recs[:0]
		}
	}
	brokers := newKafka(t)
	produceKeyed(t, brokers, []use{{id: "go", token: "tok-1", asn: 64500, at: now.Add(-time.Minute)}}, nil)
	s := startService(t, live.Config{Brokers: brokers, ClickHouseDSN: ch.DSN("credwatch")}, &fakeWriter{})
	testenv.Eventually(t, 120*time.Second, "warm start and the live event", func() bool {
		return committed(t, brokers[0], "credwatch-detect", topic) == 1
	})
	secs := s.metric("credwatch_detect_warm_start_duration_seconds")
	require.Equal(t, float64(total), s.metric("credwatch_detect_warm_start_events_total"))
	t.Logf("figure: warm start learned %d events of %d credentials (%.0f days) in %.2f s: %.0f events/s",
		total, creds, float64(total)*10/86400, secs, total/secs)
	require.NoError(t, s.stop())
}
