package dashboards_test

import (
	"testing"

	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/dashboards"
)

// chPanel is one ClickHouse panel: its query and its cells' links.
type chPanel struct {
	title, kind string
	query       dashboards.SQLQuery
	links       []dashboards.FieldLinks
}

// chPanels are d's ClickHouse panels, each with exactly one query.
func chPanels(t *testing.T, d dashboards.Dashboard) []chPanel {
	built, err := d.Built()
	require.NoError(t, err)
	var out []chPanel
	for _, p := range built.Panels {
		if p.Panel == nil {
			continue
		}
		require.Len(t, p.Panel.Targets, 1, *p.Panel.Title)
		sq, ok := p.Panel.Targets[0].(dashboards.SQLQuery)
		require.True(t, ok, "%s: not a ClickHouse query", *p.Panel.Title)
		out = append(out, chPanel{title: *p.Panel.Title, kind: p.Panel.Type, query: sq, links: linksOf(t, p.Panel)})
	}
	return out
}

// linksOf are the data links of p's field overrides.
func linksOf(t *testing.T, p *dashboard.Panel) []dashboards.FieldLinks {
	var out []dashboards.FieldLinks
	if p.FieldConfig == nil {
		return nil
	}
	for _, o := range p.FieldConfig.Overrides {
		for _, prop := range o.Properties {
			if prop.Id != "links" {
				continue
			}
			require.Equal(t, "byName", o.Matcher.Id)
			links, ok := prop.Value.([]dashboards.DataLink)
			require.True(t, ok)
			out = append(out, dashboards.FieldLinks{Field: *o.Matcher.Options.(*string), Links: links})
		}
	}
	return out
}

// dashboardOf is the generated dashboard whose file is file.
func dashboardOf(t *testing.T, file string) dashboards.Dashboard {
	for _, d := range dashboards.All() {
		if d.File == file {
			return d
		}
	}
	t.Fatalf("no dashboard %s", file)
	return dashboards.Dashboard{}
}
