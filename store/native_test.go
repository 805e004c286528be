package store_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// TestNativeAndRowBinaryStoreTheSameRows inserts the same generated events,
// and rows at the edges of each column type, once in each encoding, in
// batches of different sizes and orders, and compares every column.
func TestNativeAndRowBinaryStoreTheSameRows(t *testing.T) {
	ch := testenv.ClickHouse(t)
	ctx := context.Background()
	records := append(generated(t, 3000), edgeRecords()...)
	reversed := make([]store.Record, len(records))
	for i := range records {
		reversed[len(records)-1-i] = records[i]
	}
	sums := map[string]string{}
	for _, c := range []struct {
		db        string
		rowBinary bool
		batch     []store.Record
		size      int
	}{{"enc_native", false, records, 1000}, {"enc_rowbinary", true, records, 1000},
		{"enc_native_reversed", false, reversed, 777}, {"enc_native_one", false, records, len(records)}} {
		s := openMigrated(t, ch.DSN(c.db))
		if c.rowBinary {
			s.InsertInRowBinary()
		}
		for lo := 0; lo < len(c.batch); lo += c.size {
			require.NoError(t, s.InsertEvents(ctx, c.batch[lo:min(lo+c.size, len(c.batch))], time.Unix(1.8e9, 0)))
		}
		require.Equal(t, !c.rowBinary, s.InsertsInNative(), c.db)
		sums[c.db] = tableDigest(t, s)
	}
	require.Equal(t, sums["enc_rowbinary"], sums["enc_native"])
	require.Equal(t, sums["enc_native"], sums["enc_native_reversed"])
	require.Equal(t, sums["enc_native"], sums["enc_native_one"])
	require.Contains(t, sums["enc_native"], fmt.Sprintf("%d\t", len(records)))
}

func generated(t *testing.T, n int) []store.Record {
	g, err := gen.New(gen.Config{Seed: 7, Start: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	out := make([]store.Record, n)
	for i := range out {
		g.Next(&out[i].Event)
		out[i].Event.Unmapped = []byte(fmt.Sprintf(`{"n":%d}`, i))
		out[i].Origin = store.Origin{Topic: "audit", Partition: int32(i % 3), Offset: int64(i)}
	}
	return out
}

// edgeRecords hold empty and long strings, empty and many-element arrays,
// non-ASCII text, extreme numbers and times before 1970 and after 2106.
func edgeRecords() []store.Record {
	many := strings.Split(strings.Repeat("scope,", 300), ",")
	return []store.Record{
		{Event: event.Event{ID: "edge-empty", Tenant: "t"}},
		{Event: event.Event{ID: "edge-full", Tenant: "t", Time: time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC),
			Action: strings.Repeat("a", 70000), Actor: event.Actor{ID: "ünïcødé ✓", Tenants: many},
			Token:  event.Token{Scopes: []string{""}, CreatedAt: time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC)},
			Source: event.Source{ASN: 1<<32 - 1, Lat: -90, Lon: 180, HasGeo: true, Internal: true},
			Attrs:  map[string]string{"": "", "k\tey": "v\nal"}, Redactions: []string{"a", "b"}, Warnings: many[:2],
			Raw: []byte(`{"raw":true}`)},
			Origin: store.Origin{Topic: "", Partition: -1, Offset: -1 << 62}},
	}
}

func openMigrated(t *testing.T, dsn string) *store.Store {
	s, err := store.Open(context.Background(), dsn, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	_, err = s.Migrate(context.Background(), store.MigrateOptions{})
	require.NoError(t, err)
	return s
}

// tableDigest is the row count and an order-independent hash of every
// inserted column of every row.
func tableDigest(t *testing.T, s *store.Store) string {
	cols := "id, time, time_ms, action, outcome, tenant, actor_id, actor_type, actor_tenants, token_id, token_kind, " +
		"token_scopes, token_owner, token_tenant, token_workload, token_created_at, secret_id, secret_name, " +
		"secret_tenant, secret_workload, resource_type, resource_id, resource_visibility, source_ip, source_asn, " +
		"source_as_org, source_country, source_lat, source_lon, source_has_geo, source_user_agent, source_internal, " +
		"workload_id, workload_build_id, workload_phase, session_id, request_id, attrs_keys, attrs_values, format, " +
		"redactions, warnings, unmapped, raw, kafka_topic, kafka_partition, kafka_offset, ingested_at"
	var n, sum uint64
	require.NoError(t, s.Conn().QueryRow(context.Background(),
		"SELECT count(), sum(cityHash64("+cols+")) FROM events").Scan(&n, &sum))
	return fmt.Sprintf("%d\t%d", n, sum)
}
