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

// forensicPages are a request to each forensic page.
var forensicPages = []string{"/ui/secrets?secret=sec_db", "/ui/actors/mallory", "/ui/actors?id=mallory",
	"/ui/tenants/cross-access", "/ui/events/search?" + dayRange, "/ui/secrets", "/ui/actors", "/ui/events/search"}

var eventRow = regexp.MustCompile(`<tr class="event" data-event="([^"]+)"`)

// eventRowIDs are the event rows of a page.
func eventRowIDs(body string) []string {
	var out []string
	for _, m := range eventRow.FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestPagesForensicsNeedInvestigate: viewers and analysts get 403 from
// every forensic page and see none of them in the navigation;
// investigators get them; a page answers what its endpoint answers,
// recorded as the endpoint records it.
func TestPagesForensicsNeedInvestigate(t *testing.T) {
	x := newForensicRig(t)
	for _, token := range []string{"tok-viewer", "tok-acme", "tok-globex-analyst"} {
		id := x.session(t, token)
		for _, path := range forensicPages {
			code, _ := x.page(t, id, path)
			require.Equal(t, http.StatusForbidden, code, "%s %s", token, path)
		}
		_, body := x.page(t, id, "/ui/alerts")
		require.NotContains(t, body, `id="nav-search"`, token)
	}
	ivy := x.session(t, "tok-investor")
	_, body := x.page(t, ivy, "/ui/alerts")
	for _, nav := range []string{"nav-search", "nav-secrets", "nav-actors", "nav-cross"} {
		require.Contains(t, body, `id="`+nav+`"`)
	}
	require.NotContains(t, body, `id="nav-responses"`, "investigators do not answer revocations")
	for _, path := range forensicPages {
		code, body := x.page(t, ivy, path)
		want := http.StatusOK
		if strings.Contains(path, "?id=") {
			want = http.StatusSeeOther
		}
		require.Equal(t, want, code, "%s: %s", path, body)
		require.Empty(t, inline.FindAllString(body, -1), path)
	}
	actions := map[string]bool{}
	for _, e := range x.actions.entries {
		actions[e.Action] = true
	}
	for _, a := range []string{"secret.history", "actor.activity", "tenants.cross_access", "events.search"} {
		require.True(t, actions[a], a)
	}
}

// TestPagesForensicsScoped: an investigator scoped to acme sees only acme's
// events, pairs and readers, whatever the filter; an admin sees them all.
func TestPagesForensicsScoped(t *testing.T) {
	x := newForensicRig(t)
	ina, ada := x.session(t, "tok-acme-investigator"), x.session(t, "tok-admin")
	_, body := x.page(t, ada, "/ui/actors/mallory")
	require.ElementsMatch(t, []string{"mal-acme-1", "mal-initech-1", "mal-globex-2", "mal-globex-1"}, eventRowIDs(body))
	require.Contains(t, body, `href="/ui/credentials/tok_acme"`)
	_, body = x.page(t, ina, "/ui/actors/mallory")
	require.Equal(t, []string{"mal-acme-1"}, eventRowIDs(body))
	_, body = x.page(t, ina, "/ui/actors/mallory?tenant=globex")
	require.Empty(t, eventRowIDs(body))
	_, body = x.page(t, ada, "/ui/tenants/cross-access")
	require.Contains(t, body, `data-pair="acme→globex"`)
	require.Contains(t, body, `data-pair="globex→initech"`)
	_, body = x.page(t, ina, "/ui/tenants/cross-access")
	require.NotContains(t, body, `data-pair=`, "every pair has a tenant out of acme")
	_, body = x.page(t, ada, "/ui/secrets?secret=sec_db")
	require.Contains(t, body, `href="/ui/actors/build:acme%2Fapp"`)
	require.Contains(t, body, "user@globex")
	_, body = x.page(t, ina, "/ui/secrets?secret=sec_db&tenant=")
	require.Contains(t, body, `href="/ui/actors/build:acme%2Fapp"`)
	require.NotContains(t, body, "globex")
	_, body = x.page(t, ina, "/ui/events/search?"+dayRange+"&eq=actor.id:mallory&eq=actor.id:user@globex")
	require.Equal(t, []string{"mal-acme-1"}, eventRowIDs(body))
	for _, path := range forensicPages {
		_, body := x.page(t, ina, path)
		require.NotContains(t, body, "globex", path)
		require.NotContains(t, body, "initech", path)
	}
}

// TestPagesSearch: the form alone without parameters; conditions from the
// API's eq=/prefix= (and datetime-local ranges), paged by before, with
// links exporting the whole search; bad input a 400 naming the parameter.
func TestPagesSearch(t *testing.T) {
	x := newForensicRig(t)
	ada := x.session(t, "tok-admin")
	n := len(x.actions.entries)
	code, body := x.page(t, ada, "/ui/events/search")
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, body, `name="from" value="2026-11-29T12:00:00"`)
	require.NotContains(t, body, `id="search-table"`)
	require.Len(t, x.actions.entries, n, "the form alone queries nothing")

	q := "from=2026-11-29T12:00&to=2026-11-30T12:00:00&eq=actor.id:pager&prefix=tenant:ac&limit=4&order=asc"
	_, body = x.page(t, ada, "/ui/events/search?"+q)
	require.Equal(t, []string{"page-00", "page-03", "page-06", "page-09"}, eventRowIDs(body))
	require.Regexp(t, `data-cond="field" list="search-fields" value="actor.id"`, body)
	require.Regexp(t, `<option value="prefix" selected>starts with</option>\s*</select>\s*<input data-cond="value" value="ac"`, body)
	older := regexp.MustCompile(`id="older-page" href="([^"]+)"`).FindStringSubmatch(body)
	require.NotNil(t, older)
	_, next := x.page(t, ada, strings.ReplaceAll(older[1], "&amp;", "&"))
	require.Equal(t, []string{"page-12", "page-15", "page-18", "page-21"}, eventRowIDs(next))
	require.Contains(t, next, `id="newest-page"`)
	csv := regexp.MustCompile(`id="export-csv" href="([^"]+)"`).FindStringSubmatch(body)
	require.NotNil(t, csv)
	export, err := url.Parse(strings.ReplaceAll(csv[1], "&amp;", "&"))
	require.NoError(t, err)
	require.Equal(t, "/api/v1/events/export", export.Path)
	require.Equal(t, url.Values{"from": {"2026-11-29T12:00:00Z"}, "to": {"2026-11-30T12:00:00Z"}, "eq": {"actor.id:pager"},
		"prefix": {"tenant:ac"}, "order": {"asc"}, "format": {"csv"}}, export.Query())
	require.Contains(t, body, `id="export-jsonl" href="/api/v1/events/export?`)
	require.Contains(t, body, `id="export-json" href="/api/v1/events/search?`)

	for q, field := range map[string]string{"eq=nope:1&" + dayRange: "eq", "from=2026-11-01T00:00&to=2026-11-29T00:00&limit=0": "limit",
		"to=2026-11-29T00:00": "from", "format=csv&" + dayRange: "format", "eq=source.asn:x&" + dayRange: "eq", "x;y=1": "query"} {
		code, body := x.page(t, ada, "/ui/events/search?"+q)
		require.Equal(t, http.StatusBadRequest, code, q)
		require.Contains(t, body, `<code id="problem-field">`+field+`</code>`, q)
	}
}

// TestPagesSecretsActorsCross: each forensic page's own parameters, its
// form alone without them, and a 400 naming a bad one.
func TestPagesSecretsActorsCross(t *testing.T) {
	x := newForensicRig(t)
	ada := x.session(t, "tok-admin")
	_, body := x.page(t, ada, "/ui/secrets")
	require.Contains(t, body, `id="secret-input"`)
	require.NotContains(t, body, `id="readers-table"`)
	_, body = x.page(t, ada, "/ui/secrets?secret=sec_db&tenant=acme&limit=2")
	require.Equal(t, 2, strings.Count(body, `<tr class="event">`))
	require.Contains(t, body, `id="older-page" href="/ui/secrets?before=`)
	resp := doRequest(t, x.srv.URL, x.console.cookieName(), http.MethodGet, "/ui/actors?id=build:acme/app&tenant=acme", nil, ada)
	require.Equal(t, http.StatusSeeOther, resp.StatusCode)
	require.Equal(t, "/ui/actors/build:acme%2Fapp?tenant=acme", resp.Header.Get("Location"))
	_, body = x.page(t, ada, "/ui/actors")
	require.Contains(t, body, `id="actor-input"`)
	_, body = x.page(t, ada, "/ui/actors/mallory?from=2026-11-30T10:15&to=2026-11-30T12:00")
	require.ElementsMatch(t, []string{"mal-acme-1", "mal-initech-1"}, eventRowIDs(body))
	require.Contains(t, body, `id="by-network"`)
	_, body = x.page(t, ada, "/ui/tenants/cross-access?tenant=initech")
	require.Contains(t, body, `data-pair="globex→initech"`)
	require.NotContains(t, body, `data-pair="acme→globex"`)
	for path, field := range map[string]string{"/ui/secrets?tenant=acme": "secret", "/ui/secrets?secret=x&before=1": "before",
		"/ui/actors/mallory?limit=x": "limit", "/ui/actors/mallory?to=yesterday": "to", "/ui/tenants/cross-access?from=2026-01-01T00:00": "from",
		"/ui/tenants/cross-access?sort=x": "sort", "/ui/actors?id=" + strings.Repeat("a", 300): "id"} {
		code, body := x.page(t, ada, path)
		require.Equal(t, http.StatusBadRequest, code, path)
		require.Contains(t, body, `<code id="problem-field">`+field+`</code>`, path)
	}
}

// TestPagesCredentialExports: the credential page links to its page of
// events as CSV and to every event of the token in the range as an export,
// which the session fetches, scoped like the page.
func TestPagesCredentialExports(t *testing.T) {
	x := newForensicRig(t)
	for token, want := range map[string]int{"tok-admin": 14, "tok-acme-investigator": 12} {
		id := x.session(t, token)
		_, body := x.page(t, id, "/ui/credentials/tok_acme?limit=5")
		page := regexp.MustCompile(`id="export-page-csv" href="([^"]+)"`).FindStringSubmatch(body)
		all := regexp.MustCompile(`id="export-csv" href="([^"]+)"`).FindStringSubmatch(body)
		require.NotNil(t, page)
		require.NotNil(t, all)
		require.True(t, strings.HasPrefix(page[1], "/api/v1/credentials/tok_acme/timeline?"), page[1])
		require.True(t, strings.HasPrefix(all[1], "/api/v1/events/export?eq=token.id%3Atok_acme&amp;format=csv&amp;from="), all[1])
		resp := doRequest(t, x.srv.URL, x.console.cookieName(), http.MethodGet, strings.ReplaceAll(page[1], "&amp;", "&"), nil, id)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Equal(t, 1+5, len(readLines(t, resp)), "the header and this page's five events")
		resp = doRequest(t, x.srv.URL, x.console.cookieName(), http.MethodGet, strings.ReplaceAll(all[1], "&amp;", "&"), nil, id)
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.Contains(t, resp.Header.Get("Content-Disposition"), "attachment")
		lines := readLines(t, resp)
		require.Len(t, lines, 1+want, token)
		joined := strings.Join(lines, "\n")
		require.Contains(t, joined, "acme-home-00")
		require.Equal(t, token == "tok-admin", strings.Contains(joined, "mal-globex-1"), "globex's events only for those who see globex")
	}
}

// readLines reads resp's body as lines (without the last newline).
func readLines(t *testing.T, resp *http.Response) []string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}
