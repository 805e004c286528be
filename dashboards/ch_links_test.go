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
// query returns; on the first row, each console link, rendered as Grafana
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
			if len(res.rows) == 0 {
				continue
			}
			row := map[string]string{}
			for _, c := range res.cols {
				row[c] = str(res.rows[0], c)
			}
			href := replaceVars(t, l.URL, v, row, "uriencode")
			if strings.HasPrefix(href, "/d/") {
				u, err := url.Parse(href)
				require.NoError(t, err)
				require.Equal(t, row[fl.Field], u.Query().Get("var-credential"), href)
				continue
			}
			console.open(t, href, row[fl.Field])
		}
	}
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
