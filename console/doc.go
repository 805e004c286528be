// Package console is credwatch's HTTP API and browser console for the
// people who triage alerts and investigate history: every request
// authenticated (an API token, or a browser session started with one or
// with a one-time login link), every query parameterised and scoped to the
// tenants its user may see, and every call recorded in the hash-chained
// action log.
//
// The API lives under /api/v1/ and is described by the OpenAPI document
// served at /api/v1/openapi.json (console/openapi.json). The browser pages
// live under /ui/, rendered on the server from the same queries, with
// their templates and static files embedded from console/web.
package console
