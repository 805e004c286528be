package console

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestPagesCredential: investigators see a credential's timeline page in
// their tenants, paged; other roles get 403; bad input a 400.
func TestPagesCredential(t *testing.T) {
	x := newRig(t)
	require.NoError(t, x.st.InsertRows(t.Context(), tokenEvents()))
	for _, token := range []string{"tok-acme", "tok-viewer", "tok-initech"} {
		code, _ := x.page(t, x.session(t, token), "/ui/credentials/tok_shared")
		require.Equal(t, http.StatusForbidden, code, token)
	}
	admin := x.session(t, "tok-admin")
	code, body := x.page(t, admin, "/ui/credentials/tok_shared?limit=4")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, 4, strings.Count(body, `<tr class="event">`))
	require.Contains(t, body, `data-src="/api/v1/credentials/tok_shared/timeline?from=`)
	older := regexp.MustCompile(`id="older-page" href="([^"]+)"`).FindStringSubmatch(body)
	require.NotNil(t, older)
	code, body = x.page(t, admin, strings.ReplaceAll(older[1], "&amp;", "&"))
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, 4, strings.Count(body, `<tr class="event">`))
	require.Contains(t, body, `id="newest-page"`)

	_, body = x.page(t, x.session(t, "tok-acme-investigator"), "/ui/credentials/tok_shared")
	require.Equal(t, 5, strings.Count(body, `<tr class="event">`), "acme's 5 of 10")
	require.NotContains(t, body, "globex")
	code, body = x.page(t, admin, "/ui/credentials/tok_shared?before=1%20OR%201=1")
	require.Equal(t, http.StatusBadRequest, code)
	require.Contains(t, body, "<code id=\"problem-field\">before</code>")
	code, _ = x.page(t, admin, "/ui/credentials?id=tok_shared")
	require.Equal(t, http.StatusSeeOther, code)
}

var inline = regexp.MustCompile(`(?i)<script(\s[^>]*)?>[^<]|<style|\sstyle=|\son[a-z]+=|javascript:`)

// TestPagesNeedASessionAndNothingInline: without a session the pages send
// the browser to sign in; the pages carry no inline script or style.
func TestPagesNeedASessionAndNothingInline(t *testing.T) {
	x := newRig(t)
	require.NoError(t, x.st.InsertRows(t.Context(), tokenEvents()))
	for _, path := range []string{"/ui/alerts", "/ui/alerts/acme/alr_acme_0", "/ui/credentials/tok_shared", "/ui/nope",
		"/ui/suppressions", "/ui/responses", "/ui/events/search", "/ui/secrets", "/ui/actors", "/ui/tenants/cross-access"} {
		code, _ := x.page(t, "", path)
		require.Equal(t, http.StatusSeeOther, code, path)
	}
	admin := x.session(t, "tok-admin")
	for _, path := range []string{"/login", "/ui/alerts", "/ui/alerts/rows", "/ui/alerts/acme/alr_acme_0",
		"/ui/credentials/tok_shared", "/ui/nope", "/ui/alerts?limit=x", "/ui/suppressions", "/ui/responses",
		"/ui/events/search", "/ui/secrets", "/ui/actors", "/ui/tenants/cross-access"} {
		_, body := x.page(t, admin, path)
		require.Empty(t, inline.FindAllString(body, -1), path)
	}
	code, _ := x.page(t, admin, "/ui/nope")
	require.Equal(t, http.StatusNotFound, code)
	for _, f := range []string{"app.js", "forms.js", "charts.js", "app.css", "vendor/htmx.min.js", "vendor/uPlot.iife.min.js", "vendor/uPlot.min.css"} {
		resp := doRequest(t, x.srv.URL, "", http.MethodGet, "/static/"+f, nil, "")
		require.Equal(t, http.StatusOK, resp.StatusCode, f)
	}
	require.Equal(t, http.StatusNotFound, doRequest(t, x.srv.URL, "", http.MethodGet, "/static/vendor/", nil, "").StatusCode)
}
