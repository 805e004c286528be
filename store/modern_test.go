package store

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/proto"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/internal/chdb"
)

// TestMigrationsAndInsertsOnAModernServer runs what credwatch sends a
// current ClickHouse (chDB's 26.7; Debian has only 18.16): every migration
// as rendered for the version the server reports, with and without a
// retention, then events inserted as ingest would (the encoding chosen from
// the server's column types), a replayed batch, and every migration's Down.
func TestMigrationsAndInsertsOnAModernServer(t *testing.T) {
	ch := chdb.ForTest(t)
	v := modernVersion(t, ch)
	features := FeaturesOf(v)
	require.Equal(t, Features{LowCardinality: true, TTL: true, Codecs: true}, features, "server %d.%d", v.Major, v.Minor)
	records := modernRecords(t, 1500)
	for _, retention := range []int{30, 0} {
		db := fmt.Sprintf("modern_retention%d", retention)
		fsys, err := RenderMigrations(features, retention)
		require.NoError(t, err)
		require.NoError(t, ch.CreateSchema(db, fsys)) // the session's database, as credwatch's connection names its
		events := chCount(t, ch, "SHOW CREATE TABLE %s.events", db)
		require.Contains(t, events, "LowCardinality(String)")
		require.Contains(t, events, "CODEC(")
		require.Equal(t, retention > 0, strings.Contains(events, "TTL "), events)

		insertAsIngest(t, ch, db, records[:1000])
		insertAsIngest(t, ch, db, records[500:]) // half a replay, half new
		checkModernTables(t, ch, db, len(records))

		require.NoError(t, ch.Migrate(fsys, true))
		require.Equal(t, "0", chCount(t, ch, "SELECT count() FROM system.tables WHERE database = '%s'", db))
	}
}

func modernVersion(t *testing.T, ch *chdb.Session) proto.Version {
	out, err := ch.Exec("SELECT version()")
	require.NoError(t, err)
	parts := strings.SplitN(strings.TrimSpace(out), ".", 3)
	require.Len(t, parts, 3, out)
	major, err1 := strconv.ParseUint(parts[0], 10, 64)
	minor, err2 := strconv.ParseUint(parts[1], 10, 64)
	require.NoError(t, err1)
	require.NoError(t, err2)
	return proto.Version{Major: major, Minor: minor}
}

// modernRecords are generated events (every attack kind and look-alike the
// generator plays) with a remainder, and one with its original kept.
func modernRecords(t *testing.T, n int) []Record {
	g, err := gen.New(gen.Config{Seed: 11, Start: time.Date(2026, 11, 30, 22, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	out := make([]Record, n)
	for i := range out {
		g.Next(&out[i].Event)
		out[i].Event.Unmapped = []byte(fmt.Sprintf(`{"vendor_field":%d}`, i))
		out[i].Origin = Origin{Topic: "audit", Partition: int32(i % 4), Offset: int64(i)}
	}
	out[0].Event.Raw = []byte(`{"kept":"original"}`)
	return out
}

// insertAsIngest encodes records as the HTTP inserter would for the
// server's column types and inserts them in the same statement.
func insertAsIngest(t *testing.T, ch *chdb.Session, db string, records []Record) {
	t.Helper()
	out, err := ch.Exec("SELECT name, type FROM system.columns WHERE database = '" + db + "' AND table = 'events'")
	require.NoError(t, err)
	declared := map[string]string{}
	for line := range strings.Lines(out) {
		name, typ, _ := strings.Cut(strings.TrimSpace(line), "\t")
		declared[name] = typ
	}
	types, _ := nativeLayout(declared)
	at := uint32(time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC).Unix())
	statement := strings.Replace(insertStatement, "INTO events", "INTO "+db+".events", 1)
	var body []byte
	if types != nil {
		var b nativeBlock
		b.add(records, tableOrder(records), at)
		body = b.appendTo([]byte(statement+" FORMAT Native\n"), types)
	} else {
		body = []byte(statement + " FORMAT RowBinary\n")
		for _, i := range tableOrder(records) {
			body = appendRecord(body, &records[i], at)
		}
	}
	_, err = ch.Query(body)
	require.NoError(t, err, "insert %d events (native=%t)", len(records), types != nil)
}
