package dashboards_test

import (
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/dashboards"
)

// checkContract: the query returned the columns its panel reads, in order,
// of the kinds it reads them as, shaped as its visualisation needs.
func checkContract(t *testing.T, p chPanel, res result) {
	t.Helper()
	var names []string
	for i, c := range p.query.Columns {
		names = append(names, c.Name)
		if i < len(res.types) {
			require.Equal(t, c.Kind, kindOf(res.types[i]), "column %s is %s", c.Name, res.types[i])
		}
	}
	require.Equal(t, names, res.cols, "columns")
	switch p.kind {
	case "timeseries":
		require.Equal(t, dashboards.FormatTimeSeries, p.query.Format)
		require.Equal(t, "time", res.cols[0], "a time series starts with its time column")
		require.True(t, slices.IsSortedFunc(res.rows, func(a, b map[string]any) int {
			return a["time"].(time.Time).Compare(b["time"].(time.Time))
		}), "the plugin pivots long series in time order")
	case "stat":
		require.Len(t, res.rows, 1, "a stat reads one row")
		for _, c := range p.query.Columns {
			require.Equal(t, dashboards.Number, c.Kind, c.Name)
		}
	case "barchart":
		require.Equal(t, dashboards.Text, p.query.Columns[0].Kind, "bars are labelled by their first column")
	default:
		require.Equal(t, "table", p.kind)
		require.Equal(t, dashboards.FormatTable, p.query.Format)
	}
}
