package console

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// page GETs path with session id and returns the status and body.
func (x *rig) page(t *testing.T, id, path string, header ...string) (int, string) {
	t.Helper()
	resp := doRequest(t, x.srv.URL, x.console.cookieName(), http.MethodGet, path, nil, id, header...)
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	if resp.StatusCode != http.StatusSeeOther {
		require.Equal(t, pageCSP, resp.Header.Get("Content-Security-Policy"), path)
	}
	return resp.StatusCode, string(b)
}

// session signs token's user in and returns the session id.
func (x *rig) session(t *testing.T, token string) string {
	t.Helper()
	resp := doRequest(t, x.srv.URL, x.console.cookieName(), http.MethodPost, "/login", url.Values{"token": {token}}, "")
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	c := sessionCookieOf(resp, x.console.cookieName())
	require.NotNil(t, c)
	return c.Value
}

var alertRow = regexp.MustCompile(`data-alert="([^"]+)"`)

// rowsOf are the tenant/id of the alert rows in a page.
func rowsOf(body string) []string {
	var out []string
	for _, m := range alertRow.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestPagesAlertQueue: the queue shows what the API lists, scoped to the
// user's tenants, filtered and sorted; its rows fragment too; a bad filter
// is a 400 naming the parameter.
func TestPagesAlertQueue(t *testing.T) {
	x := newRig(t)
	admin, acme := x.session(t, "tok-admin"), x.session(t, "tok-acme")
	code, body := x.page(t, admin, "/ui/alerts")
	require.Equal(t, http.StatusOK, code)
	require.Len(t, rowsOf(body), 6)
	require.Contains(t, body, `id="who-name">ada<`)
	require.Contains(t, body, "all tenants")
	_, body = x.page(t, acme, "/ui/alerts")
	require.ElementsMatch(t, []string{"acme/alr_acme_0", "acme/alr_acme_1"}, rowsOf(body))
	require.Contains(t, body, `<form class="bulk" id="bulk" data-api="/api/v1/alerts/bulk"`, "analysts may triage")
	_, body = x.page(t, x.session(t, "tok-viewer"), "/ui/alerts")
	require.NotContains(t, body, `id="bulk"`, "viewers may not")
	require.NotContains(t, body, `data-pick`)

	for q, want := range map[string][]string{
		"?tenant=globex":                                nil,
		"?severity=low&tenant=acme":                     {"acme/alr_acme_1"},
		"?credential=tok_acme&rule=&actor=":             {"acme/alr_acme_0", "acme/alr_acme_1"},
		"?from=2026-01-01T00:00&to=2026-01-02T00:00":    nil,
		"?from=2026-11-30T00:00:00&to=2026-11-30T12:00": {"acme/alr_acme_0", "acme/alr_acme_1"},
	} {
		code, body := x.page(t, acme, "/ui/alerts"+q)
		require.Equal(t, http.StatusOK, code, q)
		require.ElementsMatch(t, want, rowsOf(body), q)
	}
	_, body = x.page(t, admin, "/ui/alerts?sort=count&order=asc")
	require.Equal(t, "acme/alr_acme_0", rowsOf(body)[0])
	require.Contains(t, body, `aria-sort="ascending"`)

	code, body = x.page(t, admin, "/ui/alerts/rows?severity=critical")
	require.Equal(t, http.StatusOK, code)
	require.NotContains(t, body, "<html")
	require.Len(t, rowsOf(body), 3)
	for _, q := range []string{"limit=0", "severity=urgent", "sort=tenant", "from=yesterday", "status=open"} {
		code, body := x.page(t, admin, "/ui/alerts?"+q)
		require.Equal(t, http.StatusBadRequest, code, q)
		require.Contains(t, body, "<code>"+strings.SplitN(q, "=", 2)[0]+"</code>", q)
	}
	require.Equal(t, "alerts.list", x.actions.entries[len(x.actions.entries)-1].Action)
}

// TestPagesAlertQueueByStatus: the queue shows each alert's triage status
// and assignee and filters by status (repeatable: any of them).
func TestPagesAlertQueueByStatus(t *testing.T) {
	x := newRig(t)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/acme/alr_acme_0/assign", map[string]string{"assignee": "ann"}, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/acme/alr_acme_0/acknowledge", nil, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/globex/alr_globex_1/close", map[string]string{"reason": "benign"}, nil)
	admin := x.session(t, "tok-admin")
	_, body := x.page(t, admin, "/ui/alerts?tenant=acme")
	require.Regexp(t, `data-alert="acme/alr_acme_0">(?s:.)*?<span class="status status-acknowledged">acknowledged</span></td>\s*<td class="assignee">ann</td>`, body)
	for q, want := range map[string][]string{
		"?status=acknowledged":                  {"acme/alr_acme_0"},
		"?status=closed&status=acknowledged":    {"acme/alr_acme_0", "globex/alr_globex_1"},
		"?status=new&tenant=globex":             {"globex/alr_globex_0"},
		"?status=closed&status=&tenant=initech": nil,
	} {
		code, body := x.page(t, admin, "/ui/alerts"+q)
		require.Equal(t, http.StatusOK, code, q)
		require.ElementsMatch(t, want, rowsOf(body), q)
		code, body = x.page(t, admin, "/ui/alerts/rows"+q)
		require.Equal(t, http.StatusOK, code, q)
		require.ElementsMatch(t, want, rowsOf(body), q)
	}
	_, body = x.page(t, admin, "/ui/alerts?status=closed&status=new")
	require.Contains(t, body, `value="closed" checked`)
	require.Contains(t, body, `value="new" checked`)
	require.NotContains(t, body, `value="acknowledged" checked`)
	require.Contains(t, body, `hx-get="/ui/alerts/rows?status=closed&amp;status=new"`, "the rows poll with both")
	_, body = x.page(t, x.session(t, "tok-acme"), "/ui/alerts?status=closed")
	require.Empty(t, rowsOf(body), "globex's closed alert is not acme's")
}
