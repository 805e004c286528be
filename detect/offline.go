package detect

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/jsonfile"
)

// OfflineStats summarises a file run.
type OfflineStats struct {
	Events, Rejected, Alerts int
	RejectedBy               map[string]int // "field:reason" of each rejected message
	BySeverity               map[string]int
	RuleErrors               map[string]int
}

// RunFile is the backtest: it decodes every message of r (JSON lines or
// the other shapes of jsonfile.Each; rejects are counted, not fatal), judges the events in event-time order with e, and
// writes the alerts to w as JSON lines.
func RunFile(ctx context.Context, r io.Reader, w io.Writer, dec *decode.Decoder, e *Engine) (OfflineStats, error) {
	st := OfflineStats{BySeverity: map[string]int{}, RejectedBy: map[string]int{}}
	events, err := readEvents(r, dec, st.RejectedBy)
	if err != nil {
		return st, err
	}
	st.Events = len(events)
	for _, n := range st.RejectedBy {
		st.Rejected += n
	}
	slices.SortStableFunc(events, func(a, b event.Event) int { return a.Time.Compare(b.Time) })
	for i := range events {
		if _, err := e.Process(ctx, &events[i]); err != nil && ctx.Err() != nil {
			return st, err
		}
	}
	enc := json.NewEncoder(w)
	for _, a := range e.Alerts() {
		if err := enc.Encode(a); err != nil {
			return st, err
		}
		st.Alerts++
		st.BySeverity[a.Severity]++
	}
	st.RuleErrors = e.RuleErrors
	return st, nil
}

// readEvents decodes every message of r (see jsonfile.Each: JSON lines,
// pretty-printed documents, arrays, CloudTrail files, gzipped or not),
// counting the rejected ones by field and reason.
func readEvents(r io.Reader, dec *decode.Decoder, rejected map[string]int) ([]event.Event, error) {
	var events []event.Event
	err := jsonfile.Each(r, dec.MaxMessage(), func(msg []byte) {
		evs, err := dec.DecodeMessage(msg, "")
		if err != nil {
			rejected[rejection(err)]++
		}
		events = append(events, evs...)
	})
	if err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	return events, nil
}

// rejection is err's "field:reason" (the field "message" for the whole).
func rejection(err error) string {
	var de *decode.Error
	if !errors.As(err, &de) {
		return "message:" + err.Error()
	}
	return cmp.Or(de.Field, "message") + ":" + de.Reason
}
