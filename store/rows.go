package store

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Rows are one INSERT into any table: each row's values in Columns order,
// typed as the column is stored: string (String, LowCardinality(String)),
// uint8, uint32, uint64, int32, int64, float64, time.Time (DateTime, whole
// seconds) or []string (Array(String)).
type Rows struct {
	Table   string
	Columns []string
	Values  [][]any
}

// statement is the INSERT with its column list (18.16 needs the list).
func (r Rows) statement() string {
	return "INSERT INTO " + quoteIdent(r.Table) + " (" + strings.Join(r.Columns, ", ") + ")"
}

// InsertRows inserts r as one block: RowBinary over HTTP, or a native batch
// when the DSN says http_port=off. A value of a type not listed on Rows is an
// error before anything is sent. A refusal by the server is a
// *clickhouse.Exception (wrapped) carrying ClickHouse's error code.
func (s *Store) InsertRows(ctx context.Context, r Rows) error {
	if len(r.Values) == 0 {
		return nil
	}
	if s.http != nil {
		body, err := rowBinary(r)
		if err != nil {
			return err
		}
		return s.http.post(ctx, r.statement(), body, len(r.Values))
	}
	batch, err := s.conn.PrepareBatch(ctx, r.statement())
	if err != nil {
		return fmt.Errorf("prepare insert into %s: %w", r.Table, err)
	}
	for i, row := range r.Values {
		if err := batch.Append(row...); err != nil {
			_ = batch.Abort()
			return fmt.Errorf("insert into %s: row %d: %w", r.Table, i, err)
		}
	}
	if err := batch.Send(); err != nil {
		return fmt.Errorf("insert %d rows into %s: %w", len(r.Values), r.Table, err)
	}
	return nil
}

// rowBinary encodes every row, checking each has one value per column.
func rowBinary(r Rows) ([]byte, error) {
	b := make([]byte, 0, 256*len(r.Values))
	for i, row := range r.Values {
		if len(row) != len(r.Columns) {
			return nil, fmt.Errorf("insert into %s: row %d has %d values for %d columns", r.Table, i, len(row), len(r.Columns))
		}
		for j, v := range row {
			var err error
			if b, err = appendValue(b, v); err != nil {
				return nil, fmt.Errorf("insert into %s: row %d column %s: %w", r.Table, i, r.Columns[j], err)
			}
		}
	}
	return b, nil
}

// appendValue appends one value in RowBinary.
func appendValue(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case string:
		return appendString(b, x), nil
	case uint8:
		return append(b, x), nil
	case uint32:
		return appendUint32(b, x), nil
	case uint64:
		return appendUint64(b, x), nil
	case int32:
		return appendUint32(b, uint32(x)), nil
	case int64:
		return appendUint64(b, uint64(x)), nil
	case float64:
		return appendFloat64(b, x), nil
	case time.Time:
		return appendDateTime(b, x), nil
	case []string:
		return appendArray(b, x), nil
	}
	return b, fmt.Errorf("unsupported value type %T", v)
}
