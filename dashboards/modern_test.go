package dashboards_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/dashboards"
	"github.com/credwatch/credwatch/internal/chdb"
	"github.com/credwatch/credwatch/internal/modernreplay"
)

// TestPanelsOnAModernServer runs every ClickHouse panel's query, expanded as
// Grafana and the plugin expand it, on a current ClickHouse (chDB's 26.7,
// whose analyzer resolves names more strictly than 18.16) over the schema
// migrations create there: each must run, and return its contract's
// columns with their kinds. Each dashboard is looked at with its variable
// set three ways, over two weeks by the minute and a day by the hour.
func TestPanelsOnAModernServer(t *testing.T) {
	ch := modernreplay.Schema(t, 30)
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	ranges := []query{{from: now.Add(-14 * 24 * time.Hour), to: now, interval: time.Minute},
		{from: now.Add(-24 * time.Hour), to: now, interval: time.Hour}}
	const console = "http://127.0.0.1:9470"
	ran := 0
	for file, vs := range map[string][]vars{
		"credwatch-soc-overview.json": {{"console": console, "tenant": allValue}, {"console": console, "tenant": "acme"},
			{"console": console, "tenant": hostile}},
		"credwatch-credential.json": {{"console": console, "credential": "tok_1"}, {"console": console, "credential": ""},
			{"console": console, "credential": hostile}},
	} {
		for _, p := range chPanels(t, dashboardOf(t, file)) {
			for _, v := range vs {
				for _, q := range ranges {
					sql := expandMacros(t, interpolateSQL(t, p.query.RawSQL, v), q)
					_, err := ch.Exec(sql)
					require.NoError(t, err, "%s: %s\n%s", file, p.title, sql)
					checkModernColumns(t, ch, p, sql)
					ran++
				}
			}
		}
	}
	for _, q := range ranges {
		_, err := ch.Exec(expandMacros(t, interpolateSQL(t, dashboards.TenantOptions, vars{}), q))
		require.NoError(t, err, "the tenant variable's query")
	}
	t.Logf("%d panel queries ran on ClickHouse 26.7", ran)
}

// checkModernColumns holds the query's result columns, as the server
// describes them, to the panel's contract.
func checkModernColumns(t *testing.T, ch *chdb.Session, p chPanel, sql string) {
	t.Helper()
	out, err := ch.Exec("DESCRIBE TABLE (" + sql + ")")
	require.NoError(t, err, p.title)
	var names, kinds []string
	for line := range strings.Lines(out) {
		f := strings.Split(line, "\t") // name, type, then defaults, comments, codecs
		names, kinds = append(names, f[0]), append(kinds, string(kindOf(f[1])))
	}
	var wantNames, wantKinds []string
	for _, c := range p.query.Columns {
		wantNames, wantKinds = append(wantNames, c.Name), append(wantKinds, string(c.Kind))
	}
	require.Equal(t, wantNames, names, "%s: columns", p.title)
	require.Equal(t, wantKinds, kinds, "%s: column kinds", p.title)
}
