package chdb

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// literal matches a quoted string or a number: what differs between two
// runs of one query.
var literal = regexp.MustCompile(`'(?:[^'\\]|\\.)*'|\b\d+(?:\.\d+)?\b`)

// LoggedSelects are the SELECT (and WITH) queries conn's server logged as
// finished, one example of each shape (the text with its literals masked);
// queries of system tables and goose's are left out. The server's users
// need log_queries=1.
func LoggedSelects(ctx context.Context, conn driver.Conn) ([]string, error) {
	if err := conn.Exec(ctx, "SYSTEM FLUSH LOGS"); err != nil {
		return nil, err
	}
	rows, err := conn.Query(ctx, "SELECT query FROM system.query_log WHERE type = 2 "+
		"AND match(query, '^\\\\s*(SELECT|WITH|select|with)\\\\b') "+
		"AND NOT match(query, 'system\\\\.|goose_db_version') ORDER BY event_time")
	if err != nil {
		return nil, fmt.Errorf("read the query log: %w", err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	var out []string
	for rows.Next() {
		var q string
		if err := rows.Scan(&q); err != nil {
			return nil, err
		}
		q = strings.TrimSpace(q)
		if shape := literal.ReplaceAllString(q, "?"); !seen[shape] {
			seen[shape] = true
			out = append(out, q)
		}
	}
	return out, rows.Err()
}
