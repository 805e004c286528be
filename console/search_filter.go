package console

import (
	"slices"
	"strings"
	"time"
)

// searchFilter is an event search's (or export's) request, validated.
type searchFilter struct {
	From       time.Time   `json:"from"`
	To         time.Time   `json:"to"`
	Conditions []condition `json:"conditions"`
	Desc       bool        `json:"desc"`
	Limit      int         `json:"limit"`
	Before     cursor      `json:"before"`
	Format     string      `json:"format"`
}

// Bounds of a search.
const (
	maxConditions  = 20
	maxValueLen    = 2048
	maxExportRows  = 100_000
	searchOpEq     = "eq"
	searchOpPrefix = "prefix"
)

// searchParams are a search's and an export's parameters.
var searchParams = []string{"from", "to", searchOpEq, searchOpPrefix, "order", "limit", "before", "format"}

// searchKind is what a search answers: rows by default and at most, and
// its formats, the first the default.
type searchKind struct {
	defRows, maxRows int
	formats          []string
}

// Searches and exports.
var (
	searchKindPage   = searchKind{100, maxLimit, []string{"json", "csv"}}
	searchKindExport = searchKind{maxExportRows, maxExportRows, []string{"csv", "jsonl"}}
)

// parseSearch reads a search or an export.
func parseSearch(raw string, now time.Time, k searchKind) (f searchFilter, err error) {
	f.Desc, f.Limit, f.Format = true, k.defRows, k.formats[0]
	q, err := strictQuery(raw, searchParams, searchOpEq, searchOpPrefix)
	if err != nil {
		return f, err
	}
	if f.From, f.To, err = parseRange(q, now, true); err != nil {
		return f, err
	}
	if f.Conditions, err = parseConditions(q); err != nil {
		return f, err
	}
	switch q.Get("order") {
	case "", "desc":
	case "asc":
		f.Desc = false
	default:
		return f, &fieldError{"order", "must be asc or desc"}
	}
	if v := q.Get("format"); v != "" {
		if !slices.Contains(k.formats, v) {
			return f, &fieldError{"format", "must be one of " + strings.Join(k.formats, ", ")}
		}
		f.Format = v
	}
	if f.Limit, err = parseLimit(q, f.Limit, k.maxRows); err != nil {
		return f, err
	}
	f.Before, err = parseCursor(q)
	return f, err
}
