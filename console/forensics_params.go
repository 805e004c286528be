package console

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// parseRange reads from and to (RFC 3339). When required, both must be
// given; else to defaults to now and from to a week before to. The range
// must be positive and at most 90 days.
func parseRange(q url.Values, now time.Time, required bool) (from, to time.Time, err error) {
	if required {
		for _, key := range []string{"from", "to"} {
			if q.Get(key) == "" {
				return from, to, &fieldError{key, "is required (an RFC 3339 time; the range at most 90 days)"}
			}
		}
	}
	a := alertFilter{To: now}
	if v := q.Get("to"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return from, to, &fieldError{"to", "must be an RFC 3339 time"}
		}
		a.To = t.UTC()
	}
	a.From = a.To.Add(-defaultRange)
	err = a.parseRange(q)
	return a.From, a.To, err
}

// parseLimit reads limit: a whole number from 1 to most, def when absent.
func parseLimit(q url.Values, def, most int) (int, error) {
	v := q.Get("limit")
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > most {
		return 0, &fieldError{"limit", fmt.Sprintf("must be a whole number from 1 to %d", most)}
	}
	return n, nil
}

// cursor is a keyset position: the last event of the previous page.
type cursor struct {
	MS uint64 // the event's time in Unix ms; 0: no cursor
	ID string
}

// parseCursor reads before, the next value of the previous page (time_ms:id).
func parseCursor(q url.Values) (cursor, error) {
	v := q.Get("before")
	if v == "" {
		return cursor{}, nil
	}
	ms, id, ok := strings.Cut(v, ":")
	n, err := strconv.ParseUint(ms, 10, 64)
	if !ok || err != nil || n == 0 || len(id) > maxParamLen || !utf8.ValidString(id) {
		return cursor{}, &fieldError{"before", "must be the next value of the previous page"}
	}
	return cursor{MS: n, ID: id}, nil
}

// formatCursor is the before= value after the event at ms with id.
func formatCursor(ms uint64, id string) string { return strconv.FormatUint(ms, 10) + ":" + id }

// textParam reads key: valid UTF-8 of at most 256 bytes, required or not.
func textParam(q url.Values, key string, required bool) (string, error) {
	v := q.Get(key)
	if required && v == "" {
		return "", &fieldError{key, "is required"}
	}
	if len(v) > maxParamLen || !utf8.ValidString(v) {
		return "", &fieldError{key, fmt.Sprintf("must be valid UTF-8 of at most %d bytes", maxParamLen)}
	}
	return v, nil
}

// historyWindow is what every event-history query takes besides its
// subject: the tenant (optional), the time range, the page size and the
// keyset cursor.
type historyWindow struct {
	Tenant   string
	From, To time.Time
	Limit    int
	Before   cursor
}

// parse reads the window's parameters from q (a default range ending at now).
func (w *historyWindow) parse(q url.Values, now time.Time) (err error) {
	if w.Tenant, err = textParam(q, "tenant", false); err != nil {
		return err
	}
	if w.From, w.To, err = parseRange(q, now, false); err != nil {
		return err
	}
	if w.Limit, err = parseLimit(q, 500, maxLimit); err != nil {
		return err
	}
	w.Before, err = parseCursor(q)
	return err
}
