// Package consolebench measures the console's answers over a large history:
// it fills a ClickHouse database with synthetic events and alerts (made by
// the server itself, so ten million rows take seconds, not an hour of
// ingest), serves the console's API over it, and prints p50/p99 response
// times of the queries analysts and investigators run most (`make bench`).
package consolebench
