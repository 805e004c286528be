package store_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// TestInsertRowsEveryType inserts one row of every supported type over HTTP
// RowBinary and over the native protocol, and reads it back.
func TestInsertRowsEveryType(t *testing.T) {
	ch := testenv.ClickHouse(t)
	for name, dsn := range map[string]string{
		"http rowbinary": ch.DSN("rows_http"),
		"native":         "clickhouse://" + ch.Addr() + "/rows_native?http_port=off",
	} {
		t.Run(name, func(t *testing.T) { testInsertRows(t, dsn) })
	}
}

func testInsertRows(t *testing.T, dsn string) {
	ctx := context.Background()
	s, err := store.Open(ctx, dsn, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	defer s.Close()
	require.NoError(t, s.Conn().Exec(ctx, `CREATE TABLE every_type (s String, u8 UInt8, u32 UInt32,
		u64 UInt64, i32 Int32, i64 Int64, f Float64, t DateTime('UTC'), a Array(String)) ENGINE = Memory`))
	at := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
	rows := store.Rows{Table: "every_type", Columns: []string{"s", "u8", "u32", "u64", "i32", "i64", "f", "t", "a"},
		Values: [][]any{{"x'y", uint8(1), uint32(7), uint64(1) << 40, int32(-3), int64(-1) << 40, 2.5, at, []string{"p", "q"}}}}
	require.NoError(t, s.InsertRows(ctx, rows))

	var (
		str  string
		u8   uint8
		u32  uint32
		u64  uint64
		i32  int32
		i64  int64
		f    float64
		when time.Time
		arr  []string
	)
	require.NoError(t, s.Conn().QueryRow(ctx, "SELECT s, u8, u32, u64, i32, i64, f, t, a FROM every_type").
		Scan(&str, &u8, &u32, &u64, &i32, &i64, &f, &when, &arr))
	require.Equal(t, "x'y", str)
	require.Equal(t, []any{uint8(1), uint32(7), uint64(1) << 40, int32(-3), int64(-1) << 40, 2.5}, []any{u8, u32, u64, i32, i64, f})
	require.True(t, at.Equal(when), "time %s", when)
	require.Equal(t, []string{"p", "q"}, arr)

	missing := store.Rows{Table: "no_such_table", Columns: []string{"s"}, Values: [][]any{{"x"}}}
	var ex *clickhouse.Exception
	require.True(t, errors.As(s.InsertRows(ctx, missing), &ex), "a refusal carries the server's code")
	require.Equal(t, int32(60), ex.Code, "UNKNOWN_TABLE: %v", ex)
}

func TestInsertRowsRejectsBadRowsBeforeSending(t *testing.T) {
	ch := testenv.ClickHouse(t)
	ctx := context.Background()
	s, err := store.Open(ctx, ch.DSN("rows_bad"), slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	defer s.Close()
	err = s.InsertRows(ctx, store.Rows{Table: "t", Columns: []string{"a", "b"}, Values: [][]any{{"x"}}})
	require.ErrorContains(t, err, "row 0 has 1 values for 2 columns")
	err = s.InsertRows(ctx, store.Rows{Table: "t", Columns: []string{"a"}, Values: [][]any{{true}}})
	require.ErrorContains(t, err, "column a: unsupported value type bool")
	require.NoError(t, s.InsertRows(ctx, store.Rows{Table: "t"}), "no rows: nothing to do")
}
