package dashboards

import "strings"

// bucket is the start of col's $__interval_s-long time bucket, in UTC.
// The plugin's $__timeInterval expands to toStartOfInterval, which
// ClickHouse 18.16 does not have; intDiv over $__interval_s is the same.
func bucket(col string) string {
	return "toDateTime(intDiv(toUInt32(" + col + "), $__interval_s) * $__interval_s, 'UTC')"
}

// variable is the value of a template variable as a ClickHouse string
// expression: Grafana percent-encodes it (RFC 3986, nothing but letters,
// digits, -_.~ and %XX is left), ClickHouse decodes it, so no value can
// close the literal or inject SQL.
func variable(name string) string {
	return "decodeURLComponent('${" + name + ":percentencode}')"
}

// credentialValue is the credential template variable.
var credentialValue = variable("credential")

// tenantIs filters col on the tenant variable, or not at all when it is
// All (the plugin's $__conditionalAll).
func tenantIs(col string) string {
	return "$__conditionalAll(" + col + " = " + variable("tenant") + ", $tenant)"
}

// owner is the tenant that owns the event's credential: the token's, else
// the secret's. An event whose owner is not its tenant (the tenant owning
// the resource acted on, see docs/contract.md) crossed tenants.
const owner = "if(token_tenant != '', token_tenant, secret_tenant)"

// crossTenant holds for events whose credential belongs to another tenant
// than the resource's.
const crossTenant = "(" + owner + " AS owner) != '' AND owner != tenant"

// alertShown holds for alerts that go to analysts: neither suppressed nor
// shadow.
const alertShown = "suppressed = 0 AND shadow = 0"

// triaged joins rows carrying (tenant, id) of alerts, a subquery aliased
// alerts (every joined subquery has an alias: ClickHouse 20+ refuses one
// without), to their current triage status (” when never triaged, which
// is new).
const triaged = " AS alerts ANY LEFT JOIN (SELECT tenant, alert_id AS id, status FROM alert_triage_current) AS triage USING (tenant, id)"

// credentialEvents are the credential's events in the time range with
// cols, from the per-token table and the per-secret one (an event naming
// the credential as both is taken once).
func credentialEvents(cols ...string) string {
	list := strings.Join(cols, ", ")
	return "(SELECT " + list + " FROM events_by_token FINAL WHERE token_id = " + credentialValue +
		" AND $__timeFilter(time) UNION ALL SELECT " + list + " FROM events_by_secret FINAL WHERE secret_id = " +
		credentialValue + " AND token_id != " + credentialValue + " AND $__timeFilter(time))"
}

// uniqList is up to ten distinct values of col, comma-separated.
func uniqList(col string) string {
	return "arrayStringConcat(arraySlice(groupUniqArray(" + col + "), 1, 10), ', ')"
}

// sql joins clauses with newlines, as they are shown in the query editor.
func sql(clauses ...string) string { return strings.Join(clauses, "\n") }
