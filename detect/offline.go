package detect

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// OfflineStats summarises a file run.
type OfflineStats struct {
	Events, Rejected, Alerts int
	BySeverity               map[string]int
	RuleErrors               map[string]int
}

// RunFile is the backtest: it decodes every JSON line of r (rejects are
// counted, not fatal), judges the events in event-time order with e, and
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

func readEvents(r io.Reader, dec *decode.Decoder) ([]event.Event, int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 2<<20)
	var events []event.Event
	rejected := 0
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		evs, err := dec.DecodeMessage(sc.Bytes(), "")
		if err != nil {
			rejected++
		}
		events = append(events, evs...)
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("read events: %w", err)
	}
	return events, rejected, nil
}
