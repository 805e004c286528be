package consolebench

import (
	"fmt"
	"net/url"
	"time"
)

// week is the from/to parameters of the 7 days before end.
func week(end time.Time) string {
	rfc := func(t time.Time) string { return url.QueryEscape(t.UTC().Format(time.RFC3339)) }
	return "&from=" + rfc(end.AddDate(0, 0, -7)) + "&to=" + rfc(end.Add(time.Second))
}

// timed is a query run with one user's token.
type timed struct {
	query
	token string
}

// queries are what the table measures: the alert queue as a SOC analyst
// opens and filters it, and credential timelines as investigators read them.
func queries(s Shape, tokens map[string]string) []timed {
	rfc := func(t time.Time) string { return url.QueryEscape(t.UTC().Format(time.RFC3339)) }
	month := "&from=" + rfc(s.End.AddDate(0, 0, -s.Days)) + "&to=" + rfc(s.End.Add(time.Second))
	fixed := func(p string) func(int) string { return func(int) string { return p } }
	return []timed{
		{query{"alerts queue: last 7 days, newest 100", fixed("/api/v1/alerts")}, tokens["admin"]},
		{query{"alerts queue: one tenant, high, 30 days", func(i int) string {
			return fmt.Sprintf("/api/v1/alerts?tenant=tenant-%d&severity=high%s", []int{2, 6, 14, 18}[i%4], month) // of 20 tenants, some with high alerts
		}}, tokens["admin"]},
		{query{"alerts queue: tenant-scoped investigator, 30 days", fixed("/api/v1/alerts?sort=severity" + month)}, tokens["scoped"]},
		{query{"timeline: hot credential, last 7 days, first page", fixed("/api/v1/credentials/" + hotCredential + "/timeline")}, tokens["admin"]},
		{query{"timeline: hot credential, 30 days, first page", fixed("/api/v1/credentials/" + hotCredential + "/timeline?limit=500" + month)}, tokens["scoped"]},
		{query{"timeline: a typical credential, 30 days", func(i int) string {
			return fmt.Sprintf("/api/v1/credentials/tok-%d/timeline?limit=500%s", i*7919%s.Credentials, month)
		}}, tokens["admin"]},
		{query{"secret's readers: one secret, 7 days", func(i int) string {
			return fmt.Sprintf("/api/v1/secrets/history?secret=secret/app-%d", i*31%700)
		}}, tokens["admin"]},
		{query{"actor's activity: one actor, 30 days", func(i int) string {
			return fmt.Sprintf("/api/v1/actors/user-%d/activity?limit=200%s", i*131%5000, month)
		}}, tokens["admin"]},
		{query{"tenant cross-access: 7 days", fixed("/api/v1/tenants/cross-access")}, tokens["admin"]},
		{query{"event search: one source IP, 7 days", func(i int) string {
			return fmt.Sprintf("/api/v1/events/search?eq=source.ip:10.0.%d.%d%s", i%256, i*7%256, week(s.End))
		}}, tokens["admin"]},
	}
}
