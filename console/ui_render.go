package console

import (
	"bytes"
	"html/template"
	"io/fs"
	"net/http"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/console/web"
)

// pageNames are the templates/<name>.html pages, each shown in layout.html.
var pageNames = []string{"login", "alerts", "alert", "credential", "error", "suppressions", "responses", "secrets", "actor", "cross", "search"}

// views are the parsed pages by name.
type views struct {
	pages map[string]*template.Template
}

// page is what layout.html is given: the signed-in user (if any), the
// session's CSRF token, and the page's own data as Body.
type page struct {
	Title string
	User  access.User
	CSRF  string
	Body  any
}

// mustParseViews parses the embedded templates (a broken one is a bug the
// tests catch, not a runtime condition).
func mustParseViews() *views {
	v := &views{pages: map[string]*template.Template{}}
	partials, err := fs.Glob(web.Templates, "templates/_*.html")
	if err != nil {
		panic(err)
	}
	for _, name := range pageNames {
		files := append([]string{"templates/layout.html", "templates/" + name + ".html"}, partials...)
		v.pages[name] = template.Must(template.New(name).Funcs(viewFuncs).ParseFS(web.Templates, files...))
	}
	return v
}

// render answers with page name in the layout, for r's user.
func (s *Server) render(w http.ResponseWriter, r *http.Request, code int, name, title string, body any) {
	s.execute(w, code, name, "layout", page{Title: title, User: userOf(r), CSRF: csrfOf(r), Body: body})
}

// renderFragment answers with template tmpl of page name alone (for htmx).
func (s *Server) renderFragment(w http.ResponseWriter, code int, name, tmpl string, body any) {
	s.execute(w, code, name, tmpl, body)
}

func (s *Server) execute(w http.ResponseWriter, code int, name, tmpl string, data any) {
	var b bytes.Buffer
	if err := s.views.pages[name].ExecuteTemplate(&b, tmpl, data); err != nil {
		s.cfg.Log.Error("render page", "page", name, "err", err)
		http.Error(w, "the page could not be shown", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	_, _ = w.Write(b.Bytes())
}

// errorView is the error page's data: the parameter at fault, if any, and
// what went wrong.
type errorView struct {
	Code    int
	Field   string
	Message string
}

// renderError answers with the error page.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, code int, field, msg string) {
	s.render(w, r, code, "error", http.StatusText(code), errorView{Code: code, Field: field, Message: msg})
}
