package dashboards_test

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// fieldRef finds the row fields a link URL names.
var fieldRef = regexp.MustCompile(`\$\{__data\.fields\.(\w+)`)

// checkLinks: every linked column and every field a link names is one the
// query returns; on the first rows, each console link, rendered as Grafana
// renders data links, opens a console page that answers 200 and shows the
// cell's value, and each dashboard link names the investigation with it.
func checkLinks(t *testing.T, p chPanel, res result, v vars, console *consoleSite) {
	t.Helper()
	for _, fl := range p.links {
		require.Contains(t, res.cols, fl.Field, "a link on a column the query does not return")
		for _, l := range fl.Links {
			for _, m := range fieldRef.FindAllStringSubmatch(l.URL, -1) {
				require.Contains(t, res.cols, m[1], "%s names a field the query does not return", l.URL)
			}
			for _, r := range res.rows[:min(len(res.rows), linkedRows)] {
				row := map[string]string{}
				for _, c := range res.cols {
					row[c] = str(r, c)
				}
				openLink(t, replaceVars(t, l.URL, v, row, "uriencode"), row[fl.Field], console)
			}
		}
	}
}

// linkedRows is how many rows of a panel have their links opened: enough
// to reach rows that differ (a revocation of a credential used across
// tenants keeps its alert under another tenant than its own).
const linkedRows = 8

// openLink opens a link of a cell reading want: a dashboard link names the
// investigation of want; a console link opens a page showing want.
func openLink(t *testing.T, href, want string, console *consoleSite) {
	t.Helper()
	if strings.HasPrefix(href, "/d/") {
		u, err := url.Parse(href)
		require.NoError(t, err)
		require.Equal(t, want, u.Query().Get("var-credential"), href)
		return
	}
	console.open(t, href, want)
}

// consoleSite is a console serving the run's tables, signed in.
type consoleSite struct {
	base   string
	client *http.Client
}

// open fetches href (on the console variable's default address) from
// the test console: 200, and the page names want.
func (c *consoleSite) open(t *testing.T, href, want string) {
	t.Helper()
	t.Logf("opens %s", href) // go test -v lists the console pages the links opened
	path, ok := strings.CutPrefix(href, "http://127.0.0.1:9470")
	require.True(t, ok, "%s is not on the console", href)
	resp, err := c.client.Get(c.base + path)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s: %s", href, body)
	require.Contains(t, string(body), want, href)
}
