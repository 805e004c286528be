package detect

import (
	"context"
	"encoding/json"
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
	BySeverity               map[string]int
	RuleErrors               map[string]int
}

// RunFile is the backtest: it decodes every message of r (JSON lines or
// the other shapes of jsonfile.Each; rejects are counted, not fatal), judges the events in event-time order with e, and
// writes the alerts to w as JSON lines.
func RunFile(ctx context.Context, r io.Reader, w io.Writer, dec *decode.Decoder, e *Engine) (OfflineStats, error) {
	st := OfflineStats{BySeverity: map[string]int{}}
	events, rejected, err := readEvents(r, dec)
	if err != nil {
		return st, err
	}
	st.Events, st.Rejected = len(events), rejected
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
// counting the rejected ones.
func readEvents(r io.Reader, dec *decode.Decoder) ([]event.Event, int, error) {
	var events []event.Event
	rejected := 0
	err := jsonfile.Each(r, decode.DefaultLimits().MaxMessage, func(msg []byte) {
		evs, err := dec.DecodeMessage(msg, "")
		if err != nil {
			rejected++
		}
		events = append(events, evs...)
	})
	if err != nil {
		return nil, 0, fmt.Errorf("read events: %w", err)
	}
	return events, rejected, nil
}
