package dashboards_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestMacrosExpandAsThePluginDoes: the expansions the tests run are the
// ClickHouse plugin's (v4 pkg/macros, macropro's parsing).
func TestMacrosExpandAsThePluginDoes(t *testing.T) {
	q := query{from: time.Unix(1415792726, 123e6), to: time.Unix(1447328726, 456e6), interval: 20 * time.Second}
	for in, want := range map[string]string{
		"$__timeFilter(time)":                 "time >= toDateTime(1415792726) AND time <= toDateTime(1447328726)",
		"$__timeFilter_ms(t)":                 "t >= fromUnixTimestamp64Milli(1415792726123) AND t <= fromUnixTimestamp64Milli(1447328726456)",
		"$__dateFilter(d)":                    "d >= toDate('2014-11-12') AND d <= toDate('2015-11-12')",
		"$__dateTimeFilter(d, t)":             "(d >= toDate('2014-11-12') AND d <= toDate('2015-11-12')) AND (t >= toDateTime(1415792726) AND t <= toDateTime(1447328726))",
		"$__fromTime, $__toTime":              "toDateTime(1415792726), toDateTime(1447328726)",
		"$__fromTime_ms $__toTime_ms":         "fromUnixTimestamp64Milli(1415792726123) fromUnixTimestamp64Milli(1447328726456)",
		"$__timeInterval(t)":                  "toStartOfInterval(toDateTime(t), INTERVAL 20 second)",
		"$__timeInterval_ms(t)":               "toStartOfInterval(toDateTime64(t, 3), INTERVAL 20000 millisecond)",
		"x / $__interval_s":                   "x / 20",
		"$__timeFilter(toDateTime(a, 'UTC'))": "toDateTime(a, 'UTC') >= toDateTime(1415792726) AND toDateTime(a, 'UTC') <= toDateTime(1447328726)",
		"$__unknown(x) $__timeFilterX":        "$__unknown(x) $__timeFilterX",
	} {
		require.Equal(t, want, expandMacros(t, in, q), in)
	}
	require.Equal(t, "1", expandMacros(t, "$__interval_s", query{interval: 10 * time.Millisecond}), "at least a second")
}

// TestTemplateVariablesInterpolateAsGrafanaDoes: $__conditionalAll, the
// plugin's default format and the percentencode format.
func TestTemplateVariablesInterpolateAsGrafanaDoes(t *testing.T) {
	const sql = "WHERE $__conditionalAll(tenant = decodeURLComponent('${tenant:percentencode}'), $tenant) AND c = '$c'"
	require.Equal(t, "WHERE 1=1 AND c = 'x'", interpolateSQL(t, sql, vars{"tenant": allValue, "c": "x"}))
	require.Equal(t, "WHERE 1=1 AND c = 'x'", interpolateSQL(t, sql, vars{"tenant": "", "c": "x"}))
	require.Equal(t, "WHERE tenant = decodeURLComponent('acme%27%20OR%201%3D1%20--%5C') AND c = 'x'",
		interpolateSQL(t, sql, vars{"tenant": `acme' OR 1=1 --\`, "c": "x"}))
	require.Equal(t, "%C3%A9t%C3%A9%2F%21%2A%28%29~", encodeURIComponentStrict("été/!*()~"))
	require.Equal(t, "http://h:1/a?b=%27", encodeURIStrict("http://h:1/a?b='"))
	require.Equal(t, "$__interval_s $unknown", interpolateSQL(t, "$__interval_s $unknown", vars{}))
	link := replaceVars(t, "${console}/ui/alerts/${__data.fields.tenant:percentencode}/${__data.fields.id:percentencode}",
		vars{"console": "http://127.0.0.1:9470"}, map[string]string{"tenant": "a/b", "id": "alr_1"}, "uriencode")
	require.Equal(t, "http://127.0.0.1:9470/ui/alerts/a%2Fb/alr_1", link)
}
