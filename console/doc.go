// Package console is credwatch's HTTP API for the people who triage alerts
// and investigate history: every request authenticated by an API token,
// every query parameterised and scoped to the tenants its user may see,
// and every call recorded in the hash-chained action log.
//
// The API lives under /api/v1/ and is described by the OpenAPI document
// served at /api/v1/openapi.json (console/openapi.json).
package console
