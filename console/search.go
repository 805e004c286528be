package console

import (
	"context"
	"net/http"
	"time"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/event"
)

// SearchResult is GET /api/v1/events/search's JSON answer: one page of the
// matching events in the tenants in scope.
type SearchResult struct {
	From   time.Time     `json:"from"`
	To     time.Time     `json:"to"`
	Events []event.Event `json:"events"`
	Next   string        `json:"next,omitempty"` // the before= of the next page
}

// nextHeader carries the next page's before= on a CSV answer.
const nextHeader = "X-Credwatch-Next"

// searchEvents answers GET /api/v1/events/search (investigators).
func (s *Server) searchEvents(w http.ResponseWriter, r *http.Request) {
	u := userOf(r)
	if !u.May(access.Investigate) {
		writeError(w, http.StatusForbidden, "", "this role may not query event history")
		return
	}
	f, err := parseSearch(r.URL.RawQuery, s.cfg.Now().UTC(), searchKindPage)
	if badQuery(w, err) || !s.audited(w, r, "events.search", "", f) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	where, args := f.where(u.TenantScope())
	page, next, err := s.eventPage(ctx, where, args, f.Desc, f.Before, f.Limit)
	if err != nil {
		s.cfg.Log.Error("event search", "err", err)
		writeError(w, http.StatusServiceUnavailable, "", "the event store is unavailable")
		return
	}
	if f.Format == "json" {
		writeJSON(w, http.StatusOK, SearchResult{From: f.From, To: f.To, Events: page, Next: next})
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set(nextHeader, next)
	out, err := newCSVRows(w, eventCSVHeader())
	for i := 0; err == nil && i < len(page); i++ {
		err = out.row(eventCSVRow(&page[i]))
	}
	if err = out.flush(); err != nil {
		s.cfg.Log.Warn("event search: writing the answer", "err", err)
	}
}
