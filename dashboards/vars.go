package dashboards

import (
	"github.com/grafana/grafana-foundation-sdk/go/cog"
	"github.com/grafana/grafana-foundation-sdk/go/dashboard"
)

// DefaultConsole is the console's address `credwatch run` serves on.
const DefaultConsole = "http://127.0.0.1:9470"

// TenantOptions lists the tenant variable's choices: every tenant with an
// alert seen in the time range.
const TenantOptions = "SELECT DISTINCT tenant FROM alerts WHERE $__timeFilter(last_seen) ORDER BY tenant"

// Uids and names of the data sources provisioning/datasources provisions.
const (
	ClickHouseUID  = "credwatch-clickhouse"
	PrometheusUID  = "credwatch-prometheus"
	clickHouseName = "credwatch ClickHouse"
	prometheusName = "credwatch Prometheus"
)

// dataSourceVar picks a data source of plugin type, the provisioned one
// (uid, name) unless changed.
func dataSourceVar(name, label, pluginType, uid, dsName string) *dashboard.DatasourceVariableBuilder {
	return dashboard.NewDatasourceVariableBuilder(name).Label(label).Type(pluginType).
		Current(dashboard.VariableOption{Text: dashboard.StringOrArrayOfString{String: cog.ToPtr(dsName)},
			Value: dashboard.StringOrArrayOfString{String: cog.ToPtr(uid)}})
}

// textVar is a free-text variable with a default value.
func textVar(name, label, value, desc string) *dashboard.TextBoxVariableBuilder {
	return dashboard.NewTextBoxVariableBuilder(name).Label(label).Description(desc).
		DefaultValue(dashboard.StringOrMap{String: cog.ToPtr(value)}).
		Current(dashboard.VariableOption{Text: dashboard.StringOrArrayOfString{String: cog.ToPtr(value)},
			Value: dashboard.StringOrArrayOfString{String: cog.ToPtr(value)}})
}

// consoleVar is the console's base URL that table cells link into.
func consoleVar() *dashboard.TextBoxVariableBuilder {
	return textVar("console", "Console URL", DefaultConsole, "Base URL of the credwatch console the links open.")
}

// tenantVar narrows a dashboard to one tenant, or All.
func tenantVar() *dashboard.QueryVariableBuilder {
	all := "$__all"
	return dashboard.NewQueryVariableBuilder("tenant").Label("Tenant").
		Datasource(*clickHouseRef()).
		Query(dashboard.StringOrMap{Map: map[string]any{"refId": "tenant", "queryType": "sql", "rawSql": TenantOptions}}).
		Definition(TenantOptions).IncludeAll(true).Refresh(dashboard.VariableRefreshOnTimeRangeChanged).
		Sort(dashboard.VariableSortAlphabeticalAsc).
		Current(dashboard.VariableOption{Text: dashboard.StringOrArrayOfString{String: cog.ToPtr("All")},
			Value: dashboard.StringOrArrayOfString{String: &all}})
}
