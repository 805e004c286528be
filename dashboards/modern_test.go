package dashboards_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/dashboards"
	"github.com/credwatch/credwatch/internal/chdb"
	"github.com/credwatch/credwatch/store"
)

// TestPanelsOnAModernServer runs every ClickHouse panel's query, expanded as
// Grafana and the plugin expand it, on a current ClickHouse (chDB's 26.7,
// whose analyzer resolves names more strictly than 18.16) over the schema
// migrations create there: each must run, and return its contract's
// columns with their kinds.
func TestPanelsOnAModernServer(t *testing.T) {
	ch := chdb.ForTest(t)
	fsys, err := store.RenderMigrations(store.Features{LowCardinality: true, TTL: true, Codecs: true}, 30)
	require.NoError(t, err)
	require.NoError(t, ch.CreateSchema("credwatch", fsys))
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	q := query{from: now.Add(-14 * 24 * time.Hour), to: now, interval: time.Minute}
	_, err = ch.Exec(expandMacros(t, interpolateSQL(t, dashboards.TenantOptions, vars{}), q))
	require.NoError(t, err, "the tenant variable's query")
	ran := 0
	for file, vs := range map[string][]vars{
		"credwatch-soc-overview.json": {{"tenant": allValue}, {"tenant": "acme"}},
		"credwatch-credential.json":   {{"credential": "tok_1"}, {"credential": ""}},
	} {
		for _, p := range chPanels(t, dashboardOf(t, file)) {
			for _, v := range vs {
				v["console"] = "http://127.0.0.1:9470"
				sql := expandMacros(t, interpolateSQL(t, p.query.RawSQL, v), q)
				_, err := ch.Exec(sql)
				require.NoError(t, err, "%s: %s\n%s", file, p.title, sql)
				checkModernColumns(t, ch, p, sql)
				ran++
			}
		}
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
