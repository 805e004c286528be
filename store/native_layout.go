package store

import (
	"context"
	"fmt"
	"strings"
)

// columnKind is how the Native encoder writes a column's values.
type columnKind uint8

const (
	kindString columnKind = iota
	kindStrings
	kindDateTime
	kindUInt8
	kindUInt32
	kindUInt64
	kindInt32
	kindInt64
	kindFloat64
)

// writes reports whether a column the server declares as typ takes this
// kind's encoding as it is. A type it does not (LowCardinality, whose Native
// encoding is a dictionary) keeps the insert on RowBinary.
func (k columnKind) writes(typ string) bool {
	switch k {
	case kindString:
		return typ == "String"
	case kindStrings:
		return typ == "Array(String)"
	case kindDateTime:
		return typ == "DateTime" || strings.HasPrefix(typ, "DateTime(")
	}
	return typ == [...]string{kindUInt8: "UInt8", kindUInt32: "UInt32", kindUInt64: "UInt64",
		kindInt32: "Int32", kindInt64: "Int64", kindFloat64: "Float64"}[k]
}

// nativeTypes returns the server's type of each insert column when the
// Native encoder writes every one of them, or nil (insert in RowBinary) and
// the first column it cannot write.
func (s *Store) nativeTypes(ctx context.Context) ([]string, string, error) {
	rows, err := s.conn.Query(ctx, "SELECT name, type FROM system.columns WHERE database = ? AND table = 'events'",
		s.Database())
	if err != nil {
		return nil, "", fmt.Errorf("read the events table's column types: %w", err)
	}
	defer rows.Close()
	declared := map[string]string{}
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return nil, "", fmt.Errorf("read the events table's column types: %w", err)
		}
		declared[name] = typ
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("read the events table's column types: %w", err)
	}
	if len(declared) == 0 {
		return nil, "", fmt.Errorf("database %s has no events table", s.Database())
	}
	types, unwritable := nativeLayout(declared)
	return types, unwritable, nil
}

// nativeLayout is the declared type of each insert column when the Native
// encoder writes every one of them, or nil and the first it cannot write.
func nativeLayout(declared map[string]string) ([]string, string) {
	types := make([]string, len(insertColumns))
	for i, name := range insertColumns {
		if types[i] = declared[name]; !nativeColumns[i].kind.writes(types[i]) {
			return nil, fmt.Sprintf("%s %s", name, types[i])
		}
	}
	return types, ""
}
