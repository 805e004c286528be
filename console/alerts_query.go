package console

import (
	"strconv"
	"strings"
	"time"
)

// alertSorts are the orders a client may ask for, as SQL: never a column
// name from the request.
var alertSorts = map[string]string{
	"last_seen":  "last_seen",
	"first_seen": "first_seen",
	"severity":   "indexOf(['info','low','medium','high','critical'], severity)",
	"count":      "count",
}

// alertColumns are what the list returns, in scan order.
const alertColumns = "tenant, id, revision, rule, title, severity, tier, shadow, suppressed, credential, actor, " +
	"first_seen, last_seen, count, reason"

// query is f as SQL over alerts_latest, every value bound, limited to the
// tenants in scope (nil: every tenant).
func (f alertFilter) query(scope []string) (string, []any) {
	where := []string{"last_seen >= ?", "last_seen < ?"}
	args := []any{f.From, f.To}
	if scope != nil {
		where, args = append(where, "has(?, tenant)"), append(args, scope)
	}
	for _, c := range []struct{ col, val string }{
		{"tenant", f.Tenant}, {"rule", f.Rule}, {"severity", f.Severity}, {"credential", f.Credential}, {"actor", f.Actor},
	} {
		if c.val != "" {
			where, args = append(where, c.col+" = ?"), append(args, c.val)
		}
	}
	where, args = statusWhere(f.Status, where, args)
	order := alertSorts[f.Sort] + " ASC"
	if f.Desc {
		order = alertSorts[f.Sort] + " DESC"
	}
	return "SELECT " + alertColumns + ", " + triageColumnsOfAlerts + " FROM " + alertsWithTriage + " WHERE " + strings.Join(where, " AND ") +
		" ORDER BY " + order + ", tenant, id LIMIT " + strconv.Itoa(f.Limit), args
}

// Alert is one alert as the API lists it.
type Alert struct {
	ID         string    `json:"id"`
	Tenant     string    `json:"tenant"`
	Revision   uint32    `json:"revision"`
	Rule       string    `json:"rule"`
	Title      string    `json:"title"`
	Severity   string    `json:"severity"`
	Tier       string    `json:"tier"`
	Shadow     bool      `json:"shadow"`
	Suppressed bool      `json:"suppressed"`
	Credential string    `json:"credential"`
	Actor      string    `json:"actor"`
	FirstSeen  time.Time `json:"first_seen"`
	LastSeen   time.Time `json:"last_seen"`
	Count      uint32    `json:"count"`
	Reason     string    `json:"reason"`
	Status     string    `json:"status"`   // triage: new, acknowledged or closed
	Assignee   string    `json:"assignee"` // "" when unassigned
}

// scanAlert reads one row of alertColumns, then extra, into a.
func scanAlert(row scanner, a *Alert, extra ...any) error {
	var shadow, suppressed uint8
	dest := append([]any{&a.Tenant, &a.ID, &a.Revision, &a.Rule, &a.Title, &a.Severity, &a.Tier, &shadow, &suppressed,
		&a.Credential, &a.Actor, &a.FirstSeen, &a.LastSeen, &a.Count, &a.Reason}, extra...)
	if err := row.Scan(dest...); err != nil {
		return err
	}
	a.Shadow, a.Suppressed = shadow == 1, suppressed == 1
	return nil
}
