package console

import (
	"encoding/csv"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// csvSafe neutralises a cell a spreadsheet would read as a formula (one
// starting with = + - @, or a tab or carriage return that hides one): it
// is prefixed with an apostrophe, which spreadsheets show as text.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// csvRows writes rows of cells, each neutralised and quoted as CSV needs.
type csvRows struct{ w *csv.Writer }

func newCSVRows(w io.Writer, header []string) (*csvRows, error) {
	c := &csvRows{w: csv.NewWriter(w)}
	return c, c.row(header)
}

func (c *csvRows) row(cells []string) error {
	safe := make([]string, len(cells))
	for i, s := range cells {
		safe[i] = csvSafe(s)
	}
	return c.w.Write(safe)
}

// flush hands the buffered rows on and reports a write error.
func (c *csvRows) flush() error {
	c.w.Flush()
	return c.w.Error()
}

// eventCSVHeader is an event CSV's first row: time, every searchable field,
// then the fields a search does not filter on (attrs as key=value;…).
func eventCSVHeader() []string {
	h := []string{"time"}
	for _, f := range searchFields {
		h = append(h, f.name)
	}
	return append(h, "token.created_at", "source.lat", "source.lon", "attrs")
}

// eventCSVRow is e's cells in eventCSVHeader's order.
func eventCSVRow(e *event.Event) []string {
	cells := []string{e.Time.Format(time.RFC3339Nano)}
	for _, f := range searchFields {
		cells = append(cells, f.get(e))
	}
	created := ""
	if !e.Token.CreatedAt.IsZero() {
		created = e.Token.CreatedAt.Format(time.RFC3339)
	}
	lat, lon := "", ""
	if e.Source.HasGeo {
		lat, lon = strconv.FormatFloat(e.Source.Lat, 'f', -1, 64), strconv.FormatFloat(e.Source.Lon, 'f', -1, 64)
	}
	attrs := make([]string, 0, len(e.Attrs))
	for k, v := range e.Attrs {
		attrs = append(attrs, k+"="+v)
	}
	sort.Strings(attrs)
	return append(cells, created, lat, lon, strings.Join(attrs, ";"))
}
