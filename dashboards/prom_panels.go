package dashboards

import (
	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/common"
	"github.com/grafana/grafana-foundation-sdk/go/prometheus"
	"github.com/grafana/grafana-foundation-sdk/go/stat"
	"github.com/grafana/grafana-foundation-sdk/go/timeseries"
)

// PrometheusType is the plugin id of Grafana's Prometheus data source.
const PrometheusType = "prometheus"

// promQuery is one PromQL expression and its legend.
type promQuery struct{ expr, legend string }

// series is a promQuery: expr, named in the legend by legend.
func series(expr, legend string) promQuery { return promQuery{expr, legend} }

// prometheusRef is the dashboard's Prometheus data source variable.
func prometheusRef() common.DataSourceRef {
	return common.DataSourceRef{Type: cog.ToPtr(PrometheusType), Uid: cog.ToPtr("${prometheus}")}
}

// target is query number i of a panel (refId A, B, …).
func target(i int, pq promQuery) *prometheus.DataqueryBuilder {
	return prometheus.NewDataqueryBuilder().RefId(string(rune('A' + i))).Datasource(prometheusRef()).
		Expr(pq.expr).LegendFormat(pq.legend).Range()
}

// promSeries is a time series panel of PromQL expressions in unit.
func promSeries(title, desc, unit string, queries ...promQuery) *timeseries.PanelBuilder {
	p := timeseries.NewPanelBuilder().Title(title).Description(desc).Datasource(prometheusRef()).
		Unit(unit).Min(0).Height(8).Span(8).FillOpacity(10).Legend(legendBelow()).Tooltip(tooltipAll())
	for i, pq := range queries {
		p.WithTarget(target(i, pq))
	}
	return p
}

// promStat is a big number of one PromQL expression in unit.
func promStat(title, desc, unit string, pq promQuery) *stat.PanelBuilder {
	return stat.NewPanelBuilder().Title(title).Description(desc).Datasource(prometheusRef()).
		Unit(unit).Height(4).Span(6).WithTarget(target(0, pq)).GraphMode(common.BigValueGraphModeArea).
		Orientation(common.VizOrientationAuto).
		ReduceOptions(common.NewReduceDataOptionsBuilder().Calcs([]string{"lastNotNull"}))
}

// rate is the per-second rate of counter, summed by the labels given.
func rate(counter string, by ...string) string {
	return sumBy(by) + "(rate(" + counter + "[$__rate_interval]))"
}

// quantile is the φ-quantile of histogram over the rate interval.
func quantile(phi, histogram string) string {
	return "histogram_quantile(" + phi + ", sum by (le) (rate(" + histogram + "_bucket[$__rate_interval])))"
}

// sumBy is "sum" or "sum by (a, b) ".
func sumBy(by []string) string {
	if len(by) == 0 {
		return "sum"
	}
	list := by[0]
	for _, l := range by[1:] {
		list += ", " + l
	}
	return "sum by (" + list + ") "
}
