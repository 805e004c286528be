package dashboards_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/credwatch/credwatch/dashboards"
)

// result is what one query returned: column names and ClickHouse types,
// and the rows by column name.
type result struct {
	cols, types []string
	rows        []map[string]any
}

// run runs sql on db as the plugin would send it.
func run(db driver.Conn, sql string) (result, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rows, err := db.Query(ctx, sql)
	if err != nil {
		return result{}, err
	}
	defer rows.Close()
	var res result
	cts := rows.ColumnTypes()
	for _, ct := range cts {
		res.cols, res.types = append(res.cols, ct.Name()), append(res.types, ct.DatabaseTypeName())
	}
	for rows.Next() {
		dest := make([]any, len(cts))
		for i, ct := range cts {
			dest[i] = reflect.New(ct.ScanType()).Interface()
		}
		if err := rows.Scan(dest...); err != nil {
			return res, err
		}
		row := map[string]any{}
		for i, d := range dest {
			row[res.cols[i]] = reflect.ValueOf(d).Elem().Interface()
		}
		res.rows = append(res.rows, row)
	}
	return res, rows.Err()
}

// kindOf is how Grafana reads a ClickHouse type: a time, a number or text.
func kindOf(chType string) dashboards.Kind {
	t := strings.TrimSuffix(strings.TrimPrefix(chType, "LowCardinality("), ")")
	switch {
	case strings.HasPrefix(t, "DateTime"), t == "Date":
		return dashboards.Time
	case strings.HasPrefix(t, "Int"), strings.HasPrefix(t, "UInt"), strings.HasPrefix(t, "Float"), strings.HasPrefix(t, "Decimal"):
		return dashboards.Number
	case t == "String", strings.HasPrefix(t, "FixedString"):
		return dashboards.Text
	}
	return dashboards.Kind("unsupported " + chType)
}

// str is a cell as text; num as a number (0 when it is not one).
func str(row map[string]any, col string) string { return fmt.Sprint(row[col]) }

func num(row map[string]any, col string) float64 {
	v := reflect.ValueOf(row[col])
	switch {
	case v.CanUint():
		return float64(v.Uint())
	case v.CanInt():
		return float64(v.Int())
	case v.CanFloat():
		return v.Float()
	}
	return 0
}

// where are the rows whose col reads value.
func (r result) where(col, value string) []map[string]any {
	var out []map[string]any
	for _, row := range r.rows {
		if str(row, col) == value {
			out = append(out, row)
		}
	}
	return out
}

// column is every row's col as text.
func (r result) column(col string) []string {
	out := make([]string, 0, len(r.rows))
	for _, row := range r.rows {
		out = append(out, str(row, col))
	}
	return out
}

// needs fails t unless the query returned rows.
func (r result) needs(t *testing.T, what string) {
	t.Helper()
	if len(r.rows) == 0 {
		t.Fatalf("no rows: %s", what)
	}
}
