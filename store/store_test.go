package store_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

func TestMigrateInsertDedupAndLookups(t *testing.T) {
	ch := testenv.ClickHouse(t)
	for name, dsn := range map[string]string{
		"http rowbinary": ch.DSN("credwatch"),
		"native":         "clickhouse://" + ch.Addr() + "/credwatch_native?http_port=off",
	} {
		t.Run(name, func(t *testing.T) { testStore(t, dsn) })
	}
}

func testStore(t *testing.T, dsn string) {
	ctx := context.Background()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	s, err := store.Open(ctx, dsn, log)
	require.NoError(t, err)
	defer s.Close()
	applied, err := s.Migrate(ctx, store.MigrateOptions{RetentionDays: 30})
	require.NoError(t, err)
	require.Equal(t, []int64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}, applied)
	again, err := s.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	require.Empty(t, again, "second migrate applies nothing")

	ev := event.Event{
		ID: "e1", Time: time.Date(2026, 11, 20, 8, 0, 0, 123e6, time.UTC), Action: "token.use",
		Outcome: "success", Tenant: "acme", Actor: event.Actor{ID: "alice"},
		Token:  event.Token{ID: "tok1", Scopes: []string{"read"}},
		Secret: event.Secret{ID: "sec1"}, Attrs: map[string]string{"b": "2", "a": "1"},
		Format: event.FormatV1, Raw: []byte(`{}`), Warnings: []string{"source.ip:placeholder"},
	}
	rec := store.Record{Event: ev, Origin: store.Origin{Topic: "t", Partition: 0, Offset: 7}}
	now := time.Date(2026, 11, 22, 0, 0, 0, 0, time.UTC)
	require.NoError(t, s.InsertEvents(ctx, []store.Record{rec}, now))
	require.NoError(t, s.InsertEvents(ctx, []store.Record{rec}, now.Add(time.Minute)), "a replayed batch")

	count := func(q string) uint64 {
		var n uint64
		require.NoError(t, s.Conn().QueryRow(ctx, q).Scan(&n))
		return n
	}
	require.Equal(t, uint64(1), count("SELECT count() FROM events_unique"))
	require.Equal(t, uint64(1), count("SELECT count() FROM events_by_token FINAL WHERE token_id = 'tok1'"))
	require.Equal(t, uint64(1), count("SELECT count() FROM events_by_secret FINAL WHERE secret_id = 'sec1'"))
	var ms uint64
	var keys, scopes, warnings []string
	var raw, tok string
	var at time.Time
	require.NoError(t, s.Conn().QueryRow(ctx, "SELECT time_ms, attrs_keys, token_scopes, raw, token_id, time, warnings FROM events_unique").
		Scan(&ms, &keys, &scopes, &raw, &tok, &at, &warnings))
	require.Equal(t, []string{"source.ip:placeholder"}, warnings)
	require.Equal(t, uint64(ev.Time.UnixMilli()), ms)
	require.Equal(t, []string{"a", "b"}, keys)
	require.Equal(t, []string{"read"}, scopes)
	require.Equal(t, "{}", raw)
	require.Equal(t, "tok1", tok)
	require.True(t, ev.Time.Truncate(time.Second).Equal(at), "time %s", at)
}
