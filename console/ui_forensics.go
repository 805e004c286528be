package console

import (
	"errors"
	"net/http"
	"net/url"

	"github.com/credwatch/credwatch/console/access"
)

// forensicForm is what every forensic page shows above its answer: the
// query as the API reads it, the range as datetime-local values, the
// parameter at fault, and links to the newest and the next page.
type forensicForm struct {
	Query    url.Values
	From, To string
	Asked    bool // the form was submitted: there is an answer to show
	Problem  *errorView
	NewerURL string // the first page, when this is a later one
	OlderURL string // the next page, "" on the last
}

// formQuery reads a forensic page's query for its API parser: malformed
// parameters refused (a fieldError), empty values dropped, from and to
// given as datetime-local values (UTC) turned into RFC 3339.
func formQuery(raw string) (url.Values, string, error) {
	q, err := parseQuery(raw)
	if err != nil {
		return nil, "", err
	}
	q = fromDatetimeLocal(q)
	return q, q.Encode(), nil
}

// newForensicForm reads r's form; ok is false when r's user may not
// investigate (the page then answered 403) or its query is malformed (400).
func (s *Server) newForensicForm(w http.ResponseWriter, r *http.Request) (forensicForm, string, bool) {
	if !userOf(r).May(access.Investigate) {
		s.renderError(w, r, http.StatusForbidden, "", "This role may not query event history.")
		return forensicForm{}, "", false
	}
	q, raw, err := formQuery(r.URL.RawQuery)
	var fe *fieldError
	if errors.As(err, &fe) {
		s.renderError(w, r, http.StatusBadRequest, fe.field, fe.reason)
		return forensicForm{}, "", false
	}
	return forensicForm{Query: q, From: datetimeLocal(q.Get("from")), To: datetimeLocal(q.Get("to")), Asked: len(q) > 0}, raw, true
}

// problem notes err's parameter on the form; false when err is not a fieldError.
func (f *forensicForm) problem(err error) bool {
	var fe *fieldError
	if !errors.As(err, &fe) {
		return false
	}
	f.Problem = &errorView{Code: http.StatusBadRequest, Field: fe.field, Message: fe.reason}
	return true
}

// pages sets the links to the first page and, when next is set, the one after.
func (f *forensicForm) pages(base, next string) {
	first := cloneValues(f.Query)
	first.Del("before")
	if f.Query.Get("before") != "" {
		f.NewerURL = base + "?" + first.Encode()
	}
	if next != "" {
		first.Set("before", next)
		f.OlderURL = base + "?" + first.Encode()
	}
}

// answer renders page name: 400 with the form when it has a problem.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, f forensicForm, name, title string, body any) {
	code := http.StatusOK
	if f.Problem != nil {
		code = http.StatusBadRequest
	}
	s.render(w, r, code, name, title, body)
}
