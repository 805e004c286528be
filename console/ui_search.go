package console

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/credwatch/credwatch/event"
)

// searchView is the event search page's data: one page of GET
// /api/v1/events/search's answer (same parameters, same query), the
// conditions as form rows, and the links that export the whole search.
type searchView struct {
	forensicForm
	Conditions []condition // as asked, one empty row at least
	Fields     []string    // the searchable fields, for the form
	Result     SearchResult
	CSVURL     string // GET /api/v1/events/export as CSV
	JSONLURL   string // … as JSON lines
	JSONURL    string // this page as GET /api/v1/events/search's JSON
}

// searchPage answers GET /ui/events/search: without parameters, the form
// (the last day); else one page of the events matching it.
func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	form, raw, ok := s.newForensicForm(w, r)
	if !ok {
		return
	}
	now := s.cfg.Now().UTC()
	v := searchView{forensicForm: form, Conditions: formConditions(form.Query), Fields: searchFieldNames(),
		Result: SearchResult{Events: []event.Event{}}}
	if !form.Asked {
		v.From, v.To = now.Add(-24*time.Hour).Format(datetimeLocalLayout+":05"), now.Format(datetimeLocalLayout+":05")
		s.answer(w, r, v.forensicForm, "search", "Event search", v)
		return
	}
	f, err := parseSearch(raw, now, searchKindPage)
	if err == nil && f.Format != "json" {
		err = &fieldError{"format", "the page shows events; its links export CSV"}
	}
	if v.problem(err) {
		s.answer(w, r, v.forensicForm, "search", "Event search", v)
		return
	}
	if err := s.record(r.Context(), r, "events.search", "", "", f); err != nil {
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The action log is unavailable.")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.QueryTimeout)
	defer cancel()
	where, args := f.where(userOf(r).TenantScope())
	v.Result = SearchResult{From: f.From, To: f.To}
	if v.Result.Events, v.Result.Next, err = s.eventPage(ctx, where, args, f.Desc, f.Before, f.Limit); err != nil {
		s.cfg.Log.Error("event search", "err", err)
		s.renderError(w, r, http.StatusServiceUnavailable, "", "The event store is unavailable.")
		return
	}
	v.pages("/ui/events/search", v.Result.Next)
	v.exportLinks()
	s.answer(w, r, v.forensicForm, "search", "Event search", v)
}

// exportLinks are the search's exports (from its start) and this page as JSON.
func (v *searchView) exportLinks() {
	export := cloneValues(v.Query)
	export.Del("before")
	export.Del("limit")
	export.Set("format", "csv")
	v.CSVURL = "/api/v1/events/export?" + export.Encode()
	export.Set("format", "jsonl")
	v.JSONLURL = "/api/v1/events/export?" + export.Encode()
	page := cloneValues(v.Query)
	page.Set("format", "json")
	v.JSONURL = "/api/v1/events/search?" + page.Encode()
}

// formConditions are q's eq= and prefix= conditions as form rows (what
// does not read as field:value is left to the parser's 400), and one
// empty row to add another.
func formConditions(q url.Values) []condition {
	var out []condition
	for _, op := range []string{searchOpEq, searchOpPrefix} {
		for _, v := range q[op] {
			if field, value, ok := strings.Cut(v, ":"); ok {
				out = append(out, condition{Field: field, Op: op, Value: value})
			}
		}
	}
	return append(out, condition{Op: searchOpEq})
}

// searchFieldNames are the searchable fields' names (and attrs.<key>).
func searchFieldNames() []string {
	out := make([]string, 0, len(searchFields)+1)
	for _, f := range searchFields {
		out = append(out, f.name)
	}
	return append(out, attrsPrefix+"<key>")
}
