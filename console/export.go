package console

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/credwatch/credwatch/console/access"
)

// Trailers of an export: known only once the stream ends.
const (
	exportStatusTrailer = "X-Credwatch-Export-Status" // complete, capped (more rows: continue with the next) or failed
	exportRowsTrailer   = "X-Credwatch-Export-Rows"
)

// exportEvents answers GET /api/v1/events/export (investigators): the
// search's events streamed as CSV or JSON lines, at most 100,000 rows, as
// an attachment. Status, rows and next come as trailers.
func (s *Server) exportEvents(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Investigate) {
		writeError(w, http.StatusForbidden, "", "this role may not query event history")
		return
	}
	f, err := parseSearch(r.URL.RawQuery, s.cfg.Now().UTC(), searchKindExport)
	if badQuery(w, err) || !s.audited(w, r, "events.export", "", f) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	where, args := f.where(u.TenantScope())
	q, args := pageQuery(where, args, f.Desc, f.Before, f.Limit+1)
	rows, err := s.cfg.Store.Conn().Query(ctx, q, args...)
	if err != nil {
		s.cfg.Log.Error("event export", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the event store is unavailable")
		return
	}
	defer rows.Close()
	h := w.Header()
	h.Set("Trailer", exportStatusTrailer+", "+exportRowsTrailer+", "+nextHeader)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="credwatch-events-%s-%s.%s"`,
		f.From.Format("20060102T150405Z"), f.To.Format("20060102T150405Z"), f.Format))
	out, err := newEventWriter(w, f.Format)
	n, status, next := 0, "failed", ""
	if err == nil {
		n, status, next, err = streamEvents(w, rows, out, f.Limit)
	}
	if err != nil {
		s.cfg.Log.Error("event export: streaming", "err", err, "rows", n)
	}
	h.Set(exportStatusTrailer, status)
	h.Set(exportRowsTrailer, strconv.Itoa(n))
	h.Set(nextHeader, next)
}

// streamEvents writes rows (up to limit, of limit+1 asked for) to out,
// flushing every 1000: n rows written; status complete, capped (next is
// where to continue) or failed (err says why).
func streamEvents(w http.ResponseWriter, rows driver.Rows, out eventWriter, limit int) (n int, status, next string, err error) {
	status = "complete"
	for ; rows.Next(); n++ {
		e, err := scanEvent(rows)
		if err != nil {
			return n, "failed", next, err
		}
		if n == limit {
			status = "capped"
			break
		}
		if err := out.write(&e); err != nil {
			return n, "failed", next, err
		}
		if n%1000 == 999 {
			if err := out.flush(); err != nil {
				return n + 1, "failed", next, err
			}
			_ = http.NewResponseController(w).Flush()
		}
		next = cursorOf(e)
	}
	if err := rows.Err(); err != nil {
		return n, "failed", next, err
	}
	if err := out.flush(); err != nil {
		return n, "failed", next, err
	}
	if status == "complete" {
		next = ""
	}
	return n, status, next, nil
}
