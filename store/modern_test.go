package store_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/chdb"
	"github.com/credwatch/credwatch/store"
)

// TestMigrationsAndInsertsOnAModernServer runs what credwatch sends a
// current ClickHouse (chDB's 26.7; Debian has only 18.16): every migration
// as rendered for the version the server reports, with and without a
// retention; generated events and rows at each column type's edges
// inserted as ingest would (the encoding chosen from the server's column
// types), in batches of different cuts and orders with replays; then every
// migration's Down.
func TestMigrationsAndInsertsOnAModernServer(t *testing.T) {
	ch := chdb.ForTest(t)
	v, err := ch.Version()
	require.NoError(t, err)
	features := store.FeaturesOf(v)
	require.Equal(t, store.Features{LowCardinality: true, TTL: true, Codecs: true, SkipIndexes: true}, features, "server %d.%d", v.Major, v.Minor)
	// With a retention the server drops what is past it as it writes (TTL
	// runs on the server's clock): those events are moved to the last days,
	// and one more is 40 days old.
	recent := movedBefore(generated(t, 1500), time.Now().Add(-time.Hour))
	expired := movedBefore(generated(t, 1), time.Now().Add(-40*24*time.Hour))[0]
	expired.Event.ID = "expired"
	records := append(generated(t, 1500), edgeRecords()...)
	for _, r := range []*store.Record{&recent[0], &records[0]} {
		r.Event.Raw = []byte(`{"kept":"original"}`) // as with --keep-original
	}
	reversed := slices.Clone(records)
	slices.Reverse(reversed)
	for _, c := range []struct {
		retention int
		stored    []store.Record // the distinct events the server keeps
		batches   [][]store.Record
	}{
		{30, recent, [][]store.Record{append(recent[:1000:1000], expired), recent[500:]}},          // half a replay, half new
		{0, records, [][]store.Record{reversed[:7], reversed[7:900], reversed[900:], records[3:]}}, // newest first, then replayed
	} {
		db := fmt.Sprintf("modern_retention%d", c.retention)
		fsys, err := store.RenderMigrations(features, c.retention)
		require.NoError(t, err)
		require.NoError(t, ch.CreateSchema(db, fsys)) // the session's database, as credwatch's connection names its
		events := chValue(t, ch, "SHOW CREATE TABLE events")
		require.Contains(t, events, "LowCardinality(String)")
		require.Contains(t, events, "CODEC(")
		require.Equal(t, c.retention > 0, strings.Contains(events, "TTL "), events)
		for _, b := range c.batches {
			insertAsIngest(t, ch, db, b)
		}
		checkModernTables(t, ch, len(c.stored), c.stored[0].Event.ID)
		checkSkipIndexes(t, ch, c.stored)
		require.NoError(t, ch.Migrate(fsys, true))
		require.Equal(t, "0", chValue(t, ch, "SELECT count() FROM system.tables WHERE database = '%s'", db))
	}
}

// insertAsIngest inserts records with the statement and data the HTTP
// inserter would send for db's events columns. The data goes in a file
// (FROM INFILE), not after the statement: the embedded server's query
// splitter ends inline data at its first empty line, and binary data
// holds "\n\n" whenever two bytes of 10 meet (a time_ms of 0x…0a0a).
func insertAsIngest(t *testing.T, ch *chdb.Session, db string, records []store.Record) {
	t.Helper()
	out := chValue(t, ch, "SELECT name, type FROM system.columns WHERE database = '%s' AND table = 'events'", db)
	declared := map[string]string{}
	for line := range strings.Lines(out) {
		name, typ, _ := strings.Cut(strings.TrimSpace(line), "\t")
		declared[name] = typ
	}
	statement, data := store.EventsInsertFor(declared, records, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	path := filepath.Join(t.TempDir(), "events.bin")
	require.NoError(t, os.WriteFile(path, data, 0o600))
	head, format, ok := strings.Cut(statement, " FORMAT ")
	require.True(t, ok, statement)
	_, err := ch.Exec(fmt.Sprintf("%s FROM INFILE '%s' FORMAT %s", head, path, format))
	require.NoError(t, err, "insert %d events: %s", len(records), statement)
}

// checkModernTables checks that events holds n distinct events, that the
// replays collapse under FINAL, that every table a materialized view fills
// holds what events implies, and that event kept's original is stored.
func checkModernTables(t *testing.T, ch *chdb.Session, n int, kept string) {
	t.Helper()
	require.Equal(t, fmt.Sprint(n), chValue(t, ch, "SELECT count() FROM events FINAL"))
	require.Equal(t, fmt.Sprint(n), chValue(t, ch, "SELECT uniqExact(id) FROM events"))
	for table, filter := range map[string]string{
		"events_by_token":     "token_id != ''",
		"events_by_secret":    "secret_id != ''",
		"events_by_actor":     "actor_id != ''",
		"events_cross_tenant": "if(token_tenant != '', token_tenant, secret_tenant) NOT IN ('', tenant)",
	} {
		want := chValue(t, ch, "SELECT uniqExact(id) FROM events WHERE %s", filter)
		require.NotEqual(t, "0", want, table)
		require.Equal(t, want, chValue(t, ch, "SELECT count() FROM %s FINAL", table), table)
	}
	require.Equal(t, `{"kept":"original"}`, chValue(t, ch, "SELECT raw FROM events FINAL WHERE id = '%s'", kept))
}

// checkSkipIndexes checks that an exact search on each indexed column
// finds a stored event and is planned with the column's bloom filter.
func checkSkipIndexes(t *testing.T, ch *chdb.Session, stored []store.Record) {
	t.Helper()
	i := slices.IndexFunc(stored, func(r store.Record) bool {
		return r.Event.Source.IP != "" && r.Event.RequestID != "" && r.Event.SessionID != ""
	})
	require.GreaterOrEqual(t, i, 0, "an event with an IP, a request and a session")
	ev := stored[i].Event
	for index, cond := range map[string]string{
		"events_source_ip": "source_ip = '" + ev.Source.IP + "'", "events_request_id": "request_id = '" + ev.RequestID + "'",
		"events_session_id": "session_id = '" + ev.SessionID + "'", "events_id": "id = '" + ev.ID + "'",
	} {
		require.NotEqual(t, "0", chValue(t, ch, "SELECT count() FROM events WHERE %s", cond), cond)
		require.Contains(t, chValue(t, ch, "EXPLAIN indexes = 1 SELECT count() FROM events WHERE %s", cond), index, cond)
	}
}

// chValue is a query's output, trimmed.
func chValue(t *testing.T, ch *chdb.Session, query string, args ...any) string {
	t.Helper()
	out, err := ch.Exec(fmt.Sprintf(query, args...))
	require.NoError(t, err, query)
	return strings.TrimSpace(out)
}

// movedBefore shifts records in time so that the newest is at end.
func movedBefore(records []store.Record, end time.Time) []store.Record {
	newest := records[0].Event.Time
	for _, r := range records {
		if r.Event.Time.After(newest) {
			newest = r.Event.Time
		}
	}
	shift := end.Sub(newest)
	for i := range records {
		records[i].Event.Time = records[i].Event.Time.Add(shift)
	}
	return records
}
