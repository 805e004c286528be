// Package dashboards is credwatch's Grafana dashboards as code: the SOC
// overview and the credential investigation on the ClickHouse tables
// (grafana-clickhouse-datasource v4), and the pipeline's health on its
// Prometheus metrics, built with grafana-foundation-sdk's typed builders.
// The JSON files next to this package are generated from it (make
// dashboards, or go generate ./dashboards) and provisioned by the files
// under provisioning/.
//
// The SQL is written for ClickHouse 18.16 and up: time buckets are computed
// with intDiv over $__interval_s instead of the plugin's $__timeInterval
// (toStartOfInterval does not exist before 19.x), and template variables
// reach SQL only percent-encoded, decoded by ClickHouse
// (decodeURLComponent('${var:percentencode}')), so no value can end a
// string literal.
package dashboards

//go:generate go run ../cmd/credwatch-dashboards -out .
