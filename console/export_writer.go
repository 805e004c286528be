package console

import (
	"encoding/json"
	"net/http"

	"github.com/credwatch/credwatch/event"
)

// eventWriter writes events in one format.
type eventWriter interface {
	write(e *event.Event) error
	flush() error
}

// newEventWriter sets the content type of format and writes its header.
func newEventWriter(w http.ResponseWriter, format string) (eventWriter, error) {
	if format == "jsonl" {
		w.Header().Set("Content-Type", "application/x-ndjson")
		return jsonLines{json.NewEncoder(w)}, nil
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	c, err := newCSVRows(w, eventCSVHeader())
	return eventCSV{c}, err
}

type jsonLines struct{ enc *json.Encoder }

func (j jsonLines) write(e *event.Event) error { return j.enc.Encode(e) }
func (j jsonLines) flush() error               { return nil }

type eventCSV struct{ c *csvRows }

func (e eventCSV) write(ev *event.Event) error { return e.c.row(eventCSVRow(ev)) }
func (e eventCSV) flush() error                { return e.c.flush() }
