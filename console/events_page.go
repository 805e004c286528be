package console

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/credwatch/credwatch/event"
)

// eventPage reads one page of the events matching where (every value in
// args; a replayed event once, at its newest ingest: LIMIT 1 BY id reads
// far less than FINAL, which merges every column of the range in one
// thread), keyset-paged on (time_ms, id): newest first
// when desc, else oldest first; id ascending within one millisecond. next
// is the before= of the following page, "" on the last.
func (s *Server) eventPage(ctx context.Context, where string, args []any, desc bool, after cursor, limit int) (
	page []event.Event, next string, err error) {
	q, args := pageQuery(where, args, desc, after, limit+1)
	rows, err := s.cfg.Store.Conn().Query(ctx, q, args...)
	if err != nil {
		return nil, "", fmt.Errorf("events: %w", err)
	}
	defer rows.Close()
	page = []event.Event{}
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, "", fmt.Errorf("events: scan: %w", err)
		}
		page = append(page, e)
	}
	if len(page) > limit {
		page = page[:limit]
		next = cursorOf(page[limit-1])
	}
	return page, next, rows.Err()
}

// pageQuery is the SQL of up to rows events matching where after the
// cursor, in the order desc says.
func pageQuery(where string, args []any, desc bool, after cursor, rows int) (string, []any) {
	where, order, args := afterCursor(where, args, desc, after)
	return "SELECT " + eventSelect + " FROM events WHERE " + where + " ORDER BY " + order +
		", ingested_at DESC LIMIT 1 BY id LIMIT " + strconv.Itoa(rows), args
}

// afterCursor adds to where the events after the cursor in the order desc
// says, and returns that order.
func afterCursor(where string, args []any, desc bool, after cursor) (string, string, []any) {
	order, past := "time_ms ASC, id", ">"
	if desc {
		order, past = "time_ms DESC, id", "<"
	}
	if after.MS > 0 {
		where = where + " AND (time_ms " + past + " ? OR (time_ms = ? AND id > ?))"
		args = append(slices.Clone(args), after.MS, after.MS, after.ID)
	}
	return where, order, args
}

// counts runs a "value, count, first, last" grouping query into Counts.
func (s *Server) counts(ctx context.Context, query string, args []any) ([]Count, error) {
	rows, err := s.cfg.Store.Conn().Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("counts: %w", err)
	}
	defer rows.Close()
	out := []Count{}
	for rows.Next() {
		var c Count
		if err := rows.Scan(&c.Value, &c.Events, &c.FirstSeen, &c.LastSeen); err != nil {
			return nil, fmt.Errorf("counts: scan: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
