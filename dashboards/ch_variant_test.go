package dashboards_test

import (
	"strings"
	"testing"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/stretchr/testify/require"
)

// variant is one way a dashboard is looked at: its variables, time range
// and interval, and what its panels must then show.
type variant struct {
	name   string
	vars   vars
	q      query
	expect map[string]func(t *testing.T, r result) // by panel title
	every  bool                                    // every panel must have an expectation
	empty  bool                                    // every panel shows nothing (stats show zeros)
}

// checkVariant runs each ClickHouse panel's query under v, expanded as
// Grafana and the plugin expand it, on st, and holds the result to the
// panel's contract, links and v's expectations. It returns how many ran.
func checkVariant(t *testing.T, db driver.Conn, site *consoleSite, panels []chPanel, v variant) int {
	titles := map[string]bool{}
	for _, p := range panels {
		titles[p.title] = true
		t.Run(v.name+"/"+p.title, func(t *testing.T) {
			sql := expandMacros(t, interpolateSQL(t, p.query.RawSQL, v.vars), v.q)
			require.NotContains(t, sql, "$", "every variable and macro expanded")
			res, err := run(db, sql)
			require.NoError(t, err, sql)
			checkContract(t, p, res)
			checkLinks(t, p, res, v.vars, site)
			switch exp := v.expect[p.title]; {
			case v.empty:
				requireEmpty(t, p, res)
			case exp != nil:
				exp(t, res)
			case v.every:
				t.Fatalf("panel %q has no expectation in variant %s", p.title, v.name)
			}
		})
	}
	for title := range v.expect {
		require.True(t, titles[title], "expectation for no panel: %s", title)
	}
	return len(panels)
}

// requireEmpty: a stat shows zeros, any other panel no rows.
func requireEmpty(t *testing.T, p chPanel, res result) {
	t.Helper()
	if p.kind != "stat" {
		require.Empty(t, res.rows)
		return
	}
	for _, c := range res.cols {
		require.Zero(t, num(res.rows[0], c), c)
	}
}

// hostile is a value that would end a string literal and inject SQL if a
// variable reached SQL unencoded.
const hostile = `x' OR 1=1 OR '' = '\`

// hasAll fails unless every one of want is among got.
func hasAll(t *testing.T, got, want []string, what string) {
	t.Helper()
	seen := map[string]bool{}
	for _, g := range got {
		seen[g] = true
	}
	var missing []string
	for _, w := range want {
		if !seen[w] {
			missing = append(missing, w)
		}
	}
	require.Empty(t, missing, "%s missing (have %s)", what, strings.Join(got, ", "))
}
