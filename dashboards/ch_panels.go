package dashboards

import (
	"github.com/grafana/grafana-foundation-sdk/go/barchart"
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
	"github.com/grafana/grafana-foundation-sdk/go/stat"
	"github.com/grafana/grafana-foundation-sdk/go/table"
	"github.com/grafana/grafana-foundation-sdk/go/timeseries"
)

// chSeries is a ClickHouse time series panel; legend names the series by
// its label column (the result's long form is pivoted by the plugin).
func chSeries(title, desc, legend string, q *sqlQuery) *timeseries.PanelBuilder {
	return timeseries.NewPanelBuilder().Title(title).Description(desc).Datasource(*clickHouseRef()).
		WithTarget(q).Height(8).Span(12).DisplayName("${__field.labels." + legend + "}").
		FillOpacity(20).Stacking(common.NewStackingConfigBuilder().Mode(common.StackingModeNormal)).
		DrawStyle(common.GraphDrawStyleBars).Min(0).Legend(legendBelow()).Tooltip(tooltipAll())
}

// legendBelow lists the series under the graph.
func legendBelow() *common.VizLegendOptionsBuilder {
	return common.NewVizLegendOptionsBuilder().ShowLegend(true).DisplayMode(common.LegendDisplayModeList).
		Placement(common.LegendPlacementBottom)
}

// tooltipAll shows every series at the cursor, largest first.
func tooltipAll() *common.VizTooltipOptionsBuilder {
	return common.NewVizTooltipOptionsBuilder().Mode(common.TooltipDisplayModeMulti).Sort(common.SortOrderDescending)
}

// chTable is a ClickHouse table panel whose cells link where links say.
func chTable(title, desc string, q *sqlQuery, links ...FieldLinks) *table.PanelBuilder {
	p := table.NewPanelBuilder().Title(title).Description(desc).Datasource(*clickHouseRef()).
		WithTarget(q).Height(9).Span(12).Filterable(true).
		Footer(common.NewTableFooterOptionsBuilder().Show(false).Reducer([]string{"sum"}))
	for _, l := range links {
		p.OverrideByName(l.Field, []dashboard.DynamicConfigValue{{Id: "links", Value: l.Links}})
	}
	return p
}

// chStat shows each number column of a one-row query as a big value.
func chStat(title, desc string, q *sqlQuery) *stat.PanelBuilder {
	return stat.NewPanelBuilder().Title(title).Description(desc).Datasource(*clickHouseRef()).
		WithTarget(q).Height(4).Span(6).GraphMode(common.BigValueGraphModeNone).
		ColorMode(common.BigValueColorModeNone).Orientation(common.VizOrientationAuto).
		ReduceOptions(common.NewReduceDataOptionsBuilder().Calcs([]string{"lastNotNull"}).Values(false))
}

// chBars is a bar chart of a (label, number) query.
func chBars(title, desc, x string, q *sqlQuery) *barchart.PanelBuilder {
	return barchart.NewPanelBuilder().Title(title).Description(desc).Datasource(*clickHouseRef()).
		WithTarget(q).Height(8).Span(8).XField(x).ShowValue(common.VisibilityModeAuto)
}
