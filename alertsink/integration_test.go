package alertsink_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/modernreplay"
	"github.com/credwatch/credwatch/store"
)

// TestRoundTripNewEvidenceEscalated writes an alert's three updates one by
// one and reads back its newest revision, its evidence and the messages.
func TestRoundTripNewEvidenceEscalated(t *testing.T) {
	e := newEnv(t)
	s, _ := e.sink(t)
	ctx := context.Background()
	ups := lifecycle("victim", "tok1")
	for _, u := range ups {
		require.NoError(t, s.Write(ctx, []detect.Update{u}))
	}
	require.NoError(t, s.Write(ctx, lifecycle("acme", "tok1")[:1]), "another tenant, same credential")

	var revision, count, evidence uint32
	var severity, kind string
	require.NoError(t, e.store.Conn().QueryRow(ctx, `SELECT revision, count, severity, kind, evidence_count
		FROM alerts_latest WHERE tenant = 'victim'`).Scan(&revision, &count, &severity, &kind, &evidence))
	require.Equal(t, []any{uint32(3), uint32(3), "high", "escalated", uint32(3)}, []any{revision, count, severity, kind, evidence})

	recent, err := alertsink.Recent(ctx, e.store.Conn(), "victim", 10)
	require.NoError(t, err)
	require.Len(t, recent, 1, "tenant-scoped: acme's alert is not listed")
	a := recent[0]
	require.Equal(t, ups[2].Alert.ID, a.ID)
	require.Equal(t, 3, a.Revision)
	require.Equal(t, 3, a.Count)
	require.Equal(t, "high", a.Severity)
	require.True(t, a.Publish)
	require.Equal(t, t0, a.FirstSeen.UTC())
	require.Equal(t, t0.Add(2*time.Minute), a.LastSeen.UTC())
	require.Equal(t, ups[2].Alert.Explanation.Reason, a.Explanation.Reason)
	require.Equal(t, "acme", a.Explanation.RuleFacts["credential_tenant"])
	other, err := alertsink.Recent(ctx, e.store.Conn(), "acme", 10)
	require.NoError(t, err)
	require.Len(t, other, 1)
	require.NotEqual(t, a.ID, other[0].ID)

	ids, err := alertsink.Evidence(ctx, e.store.Conn(), "victim", a.ID)
	require.NoError(t, err)
	require.Equal(t, []string{"tok1-e1", "tok1-e2", "tok1-e3"}, ids)
	requireEvidenceJoinsEvents(t, e, a.ID, ids)

	msgs := e.published(t)
	require.Len(t, msgs, 3, "victim new and escalated, acme new")
	n := modernreplay.Check(t, e.store.Conn()) // Recent, Evidence and the sink's own reads
	t.Logf("%d query shapes ran on ClickHouse 26.7", n)
}

// requireEvidenceJoinsEvents stores the evidence events and runs the
// investigation query docs/alerts.md shows.
func requireEvidenceJoinsEvents(t *testing.T, e *env, alertID string, ids []string) {
	ctx := context.Background()
	recs := make([]store.Record, len(ids))
	for i, id := range ids {
		recs[i] = store.Record{Event: event.Event{ID: id, Time: t0.Add(time.Duration(i) * time.Minute),
			Action: "token.use", Tenant: "victim", Token: event.Token{ID: "tok1"}, Raw: []byte(`{}`)}}
	}
	require.NoError(t, e.store.InsertEvents(ctx, recs, t0.Add(time.Hour)))
	rows, err := e.store.Conn().Query(ctx, `SELECT id FROM events_unique
		WHERE tenant = ? AND id IN (SELECT event_id FROM alert_evidence_unique WHERE tenant = ? AND alert_id = ?)
		ORDER BY time`, "victim", "victim", alertID)
	require.NoError(t, err)
	defer rows.Close()
	var got []string
	for rows.Next() {
		var id string
		require.NoError(t, rows.Scan(&id))
		got = append(got, id)
	}
	require.NoError(t, rows.Err())
	require.Equal(t, ids, got)
}

// TestReplayAfterCrashStoresNothingTwice writes the same batch twice on one
// sink and once more on a fresh sink (a restart that forgot everything).
func TestReplayAfterCrashStoresNothingTwice(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	batch := append(lifecycle("victim", "tok1"), lifecycle("victim", "tok2")...)
	s, _ := e.sink(t)
	require.NoError(t, s.Write(ctx, batch))
	require.NoError(t, s.Write(ctx, batch))
	restarted, _ := e.sink(t)
	require.NoError(t, restarted.Write(ctx, batch))

	require.Equal(t, uint64(2), e.count(t, "SELECT count() FROM alerts_latest"))
	require.Equal(t, uint64(2), e.count(t, "SELECT count() FROM alerts_latest WHERE revision = 3 AND count = 3"))
	require.Equal(t, uint64(6), e.count(t, "SELECT count() FROM alert_evidence_unique"))
	require.Equal(t, uint64(6), e.count(t, "SELECT uniqExact(alert_id, event_id) FROM alert_evidence"))
	t.Logf("figure: alerts physical rows %d (3 writes of 6 revisions), through alerts_latest %d; evidence physical %d, unique %d",
		e.count(t, "SELECT count() FROM alerts"), e.count(t, "SELECT count() FROM alerts_latest"),
		e.count(t, "SELECT count() FROM alert_evidence"), e.count(t, "SELECT count() FROM alert_evidence_unique"))

	msgs := e.published(t)
	uids := map[string]bool{}
	for _, m := range msgs {
		uids[decodeOCSF(t, m.Value).Metadata.UID] = true
	}
	require.Len(t, msgs, 12, "publishing is at least once: 3 writes of 4 publishable updates")
	require.Len(t, uids, 4, "metadata.uid (alert id and revision) tells the repeats")
}

// TestShadowAndSuppressedAreStoredNotPublished: both are kept and marked.
func TestShadowAndSuppressedAreStoredNotPublished(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	d := detect.NewDeduper(time.Hour)
	shadow := match("victim", "tok-shadow", "high", "s1", t0)
	shadow.Shadow = true
	suppressed := match("victim", "tok-sup", "high", "p1", t0)
	suppressed.Suppressed = true
	suppressed.Suppression = &detect.Suppression{ID: "sup-pentest", Rule: "cross_tenant_private", Credential: "tok-sup",
		Owner: "sec@victim.example", Reason: "authorised pentest", Expires: t0.Add(24 * time.Hour)}
	plain := match("victim", "tok-plain", "high", "n1", t0)
	s, reg := e.sink(t)
	require.NoError(t, s.Write(ctx, []detect.Update{d.Add(shadow), d.Add(suppressed), d.Add(plain)}))

	require.Equal(t, uint64(3), e.count(t, "SELECT count() FROM alerts_latest"), "every alert is stored")
	require.Equal(t, uint64(1), e.count(t, "SELECT count() FROM alerts_latest WHERE credential = 'tok-shadow' AND shadow = 1 AND publish = 0"))
	require.Equal(t, uint64(1), e.count(t, `SELECT count() FROM alerts_latest WHERE credential = 'tok-sup' AND suppressed = 1
		AND publish = 0 AND suppression_id = 'sup-pentest' AND suppression_owner = 'sec@victim.example'`))
	msgs := e.published(t)
	require.Len(t, msgs, 1, "only the plain alert is published")
	require.Equal(t, "victim", headers(msgs[0])[alertsink.HeaderTenant])
	require.Equal(t, 1.0, metricValue(t, reg, "credwatch_alerts_published_total", nil))
	require.Equal(t, 3.0, metricValue(t, reg, "credwatch_alerts_stored_total", nil))

	recent, err := alertsink.Recent(ctx, e.store.Conn(), "victim", 10)
	require.NoError(t, err)
	for _, a := range recent {
		if a.Credential == "tok-sup" {
			require.Equal(t, &detect.Suppression{ID: "sup-pentest", Owner: "sec@victim.example", Reason: "authorised pentest"}, a.Suppression)
		}
	}
}

func TestRecentValidatesItsArguments(t *testing.T) {
	ctx := context.Background()
	_, err := alertsink.Recent(ctx, nil, "", 10)
	require.ErrorContains(t, err, "tenant is required")
	_, err = alertsink.Recent(ctx, nil, "acme", 0)
	require.ErrorContains(t, err, "limit 0 out of range")
	_, err = alertsink.Recent(ctx, nil, "acme", alertsink.MaxRecent+1)
	require.ErrorContains(t, err, "out of range")
	_, err = alertsink.Evidence(ctx, nil, "acme", "")
	require.ErrorContains(t, err, "required")
}

// TestNativeProtocolWrites writes through a store that inserts over the
// native protocol (DSN http_port=off) instead of HTTP RowBinary.
func TestNativeProtocolWrites(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	native, err := store.Open(ctx, "clickhouse://"+e.ch.Addr()+"/credwatch_native?http_port=off",
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	t.Cleanup(func() { native.Close() })
	_, err = native.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	s, _ := e.sinkOn(t, native)
	ups := lifecycle("victim", "tok1")
	require.NoError(t, s.Write(ctx, ups))
	require.NoError(t, s.Write(ctx, ups))
	recent, err := alertsink.Recent(ctx, native.Conn(), "victim", 10)
	require.NoError(t, err)
	require.Len(t, recent, 1)
	require.Equal(t, 3, recent[0].Revision)
	require.Equal(t, "high", recent[0].Severity)
	ids, err := alertsink.Evidence(ctx, native.Conn(), "victim", recent[0].ID)
	require.NoError(t, err)
	require.Equal(t, []string{"tok1-e1", "tok1-e2", "tok1-e3"}, ids)
}
