package console

import (
	"strconv"
	"strings"
)

// where is f as SQL over events (sorted by tenant, then time: the tenants
// in scope and the range bound the read), every value bound. Conditions on
// one field are alternatives (OR); conditions on different fields must all
// hold (AND).
func (f searchFilter) where(scope []string) (string, []any) {
	scoped, args := inScope("tenant", scope)
	parts := []string{"time >= ?", "time < ?", scoped}
	args = append([]any{f.From, f.To}, args...)
	var fields []string
	alternatives := map[string][]condition{}
	for _, c := range f.Conditions {
		if _, seen := alternatives[c.Field]; !seen {
			fields = append(fields, c.Field)
		}
		alternatives[c.Field] = append(alternatives[c.Field], c)
	}
	for _, name := range fields {
		var or []string
		for _, c := range alternatives[name] {
			q, cargs := c.sql()
			or, args = append(or, q), append(args, cargs...)
		}
		parts = append(parts, "("+strings.Join(or, " OR ")+")")
	}
	return strings.Join(parts, " AND "), args
}

// sql is c as a condition over its field's column (from the allow-list,
// never from the request) with its value bound.
func (c condition) sql() (string, []any) {
	f, _ := lookupField(c.Field)
	prefix := c.Op == searchOpPrefix
	if f.column == "" { // attrs.<key>
		key := strings.TrimPrefix(c.Field, attrsPrefix)
		value := "attrs_values[indexOf(attrs_keys, ?)]"
		if prefix {
			return "(has(attrs_keys, ?) AND startsWith(" + value + ", ?))", []any{key, key, c.Value}
		}
		return "(has(attrs_keys, ?) AND " + value + " = ?)", []any{key, key, c.Value}
	}
	switch f.kind {
	case kindArray:
		if prefix {
			return "arrayExists(x -> startsWith(x, ?), " + f.column + ")", []any{c.Value}
		}
		return "has(" + f.column + ", ?)", []any{c.Value}
	case kindNumber:
		n, _ := strconv.ParseUint(c.Value, 10, 32) // checked by parseConditions
		return f.column + " = ?", []any{uint32(n)}
	case kindFlag:
		var b uint8
		if c.Value == "true" {
			b = 1
		}
		return f.column + " = ?", []any{b}
	}
	if prefix {
		return "startsWith(" + f.column + ", ?)", []any{c.Value}
	}
	return f.column + " = ?", []any{c.Value}
}
