package dashboards

import (
	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/cog/variants"
	"github.com/grafana/grafana-foundation-sdk/go/common"
)

// ClickHouseType is the plugin id of Grafana's ClickHouse data source.
const ClickHouseType = "grafana-clickhouse-datasource"

// Formats of a ClickHouse query's result (sqlds' FormatQueryOption): a time
// series result in long form (time, label columns, values) is pivoted into
// one series per label combination.
const (
	FormatTimeSeries = 0
	FormatTable      = 1
)

// SQLQuery is one raw-SQL query of the ClickHouse data source, as the
// plugin's query editor saves it, and the columns its panel reads.
type SQLQuery struct {
	RefID      string                `json:"refId"`
	Hide       *bool                 `json:"hide,omitempty"`
	Datasource *common.DataSourceRef `json:"datasource,omitempty"`
	EditorType string                `json:"editorType"`
	QueryType  string                `json:"queryType"`
	Format     int                   `json:"format"`
	RawSQL     string                `json:"rawSql"`
	// Columns are what the panel expects back, in order; tests hold the
	// query's result to them. Not part of the saved query.
	Columns []Column `json:"-"`
}

// Kind is how a panel reads a column.
type Kind string

// Column kinds: a time axis or timestamp, a label or text cell, a number.
const (
	Time   Kind = "time"
	Text   Kind = "text"
	Number Kind = "number"
)

// Column is one result column a panel reads.
type Column struct {
	Name string
	Kind Kind
}

// ImplementsDataqueryVariant marks SQLQuery as a data query.
func (SQLQuery) ImplementsDataqueryVariant() {}

// DataqueryType is the plugin id.
func (SQLQuery) DataqueryType() string { return ClickHouseType }

// Validate accepts any query: the tests run them.
func (SQLQuery) Validate() error { return nil }

// Equals compares the saved fields.
func (q SQLQuery) Equals(other variants.Dataquery) bool {
	o, ok := other.(SQLQuery)
	return ok && q.RefID == o.RefID && q.RawSQL == o.RawSQL && q.Format == o.Format && q.QueryType == o.QueryType
}

// sqlQuery builds an SQLQuery for a panel (cog.Builder).
type sqlQuery struct{ q SQLQuery }

// Build returns the query.
func (b *sqlQuery) Build() (variants.Dataquery, error) { return b.q, nil }

var _ cog.Builder[variants.Dataquery] = (*sqlQuery)(nil)

// tableQuery is a query whose rows a table (or stat) shows as they are.
func tableQuery(sql string, cols ...Column) *sqlQuery {
	return &sqlQuery{SQLQuery{RefID: "A", Datasource: clickHouseRef(), EditorType: "sql", QueryType: "table",
		Format: FormatTable, RawSQL: sql, Columns: cols}}
}

// seriesQuery is a long-form time series query: time first, then label
// columns, then values, ordered by time.
func seriesQuery(sql string, cols ...Column) *sqlQuery {
	return &sqlQuery{SQLQuery{RefID: "A", Datasource: clickHouseRef(), EditorType: "sql", QueryType: "timeseries",
		Format: FormatTimeSeries, RawSQL: sql, Columns: append([]Column{{"time", Time}}, cols...)}}
}

// clickHouseRef is the dashboard's ClickHouse data source variable.
func clickHouseRef() *common.DataSourceRef {
	return &common.DataSourceRef{Type: cog.ToPtr(ClickHouseType), Uid: cog.ToPtr("${datasource}")}
}

// text, number and ts are column constructors for short contracts.
func text(name string) Column   { return Column{name, Text} }
func number(name string) Column { return Column{name, Number} }
func ts(name string) Column     { return Column{name, Time} }
