package console

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// timelinePage fills one page of events, newest first, and the cursor of
// the next. A busy credential has many more events in range than a page
// holds, so the page is read in two steps: the time of the page's oldest
// event from the narrow time column, then the page's rows from that time
// on (the table's sort key is token, then time, so only those granules are
// read). Duplicates not yet merged away can make that start too late; the
// page is then read over the whole range.
func (s *Server) timelinePage(ctx context.Context, f timelineFilter, where string, args []any, out *Timeline) error {
	page, pargs := where, args
	if f.Before > 0 { // after the previous page's last event, in the page order
		page = page + " AND (time_ms < ? OR (time_ms = ? AND id > ?))"
		pargs = append(append([]any{}, args...), uint64(f.Before), uint64(f.Before), f.BeforeID)
	}
	start, err := s.pageStart(ctx, page, pargs, f.Limit)
	if err != nil {
		return err
	}
	events, err := s.pageRows(ctx, page, pargs, start, f.Limit)
	if err == nil && !start.IsZero() && len(events) <= f.Limit {
		events, err = s.pageRows(ctx, page, pargs, time.Time{}, f.Limit)
	}
	if err != nil {
		return err
	}
	out.Events = events
	if len(out.Events) > f.Limit {
		out.Events = out.Events[:f.Limit]
		last := out.Events[f.Limit-1]
		out.Next = strconv.FormatUint(last.TimeMS, 10) + ":" + last.ID
	}
	return nil
}

// pageStart is the time of the (limit+1)-th newest event of page, or zero
// when page has no more than limit events.
func (s *Server) pageStart(ctx context.Context, page string, args []any, limit int) (time.Time, error) {
	var start time.Time
	var n uint64
	err := s.cfg.Store.Conn().QueryRow(ctx, "SELECT min(time), count() FROM (SELECT time FROM events_by_token WHERE "+
		page+" ORDER BY time DESC LIMIT "+strconv.Itoa(limit+1)+")", args...).Scan(&start, &n)
	if err != nil || n <= uint64(limit) {
		return time.Time{}, err
	}
	return start, nil
}

// pageRows reads up to limit+1 events of page from start on (zero: the
// whole range), newest first.
func (s *Server) pageRows(ctx context.Context, page string, args []any, start time.Time, limit int) ([]TimelineEvent, error) {
	if !start.IsZero() {
		page, args = page+" AND time >= ?", append(append([]any{}, args...), start)
	}
	rows, err := s.cfg.Store.Conn().Query(ctx, "SELECT "+timelineSelect+" FROM events_by_token FINAL WHERE "+page+
		" ORDER BY time_ms DESC, id LIMIT "+strconv.Itoa(limit+1), args...)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	defer rows.Close()
	events := []TimelineEvent{}
	for rows.Next() {
		e, err := scanTimelineEvent(rows)
		if err != nil {
			return nil, fmt.Errorf("timeline: scan: %w", err)
		}
		events = append(events, e)
	}
	return events, rows.Err()
}
