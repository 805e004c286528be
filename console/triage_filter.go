package console

import (
	"fmt"
	"net/url"
	"slices"
)

// alertsWithTriage is alerts_latest with each alert's triage status and
// assignee (triage_status is "" before any action: status new). The joined
// subquery has an alias: ClickHouse 20+ refuses one without.
const alertsWithTriage = "alerts_latest ANY LEFT JOIN (SELECT tenant, alert_id AS id, argMax(status, seq) AS triage_status, " +
	"argMax(assignee, seq) AS assignee FROM alert_triage GROUP BY tenant, alert_id) AS triage USING (tenant, id)"

// triageColumnsOfAlerts are the list's triage columns, after alertColumns.
const triageColumnsOfAlerts = "if(triage_status = '', 'new', triage_status), assignee"

// parseStatus reads the repeatable status parameter.
func parseStatus(q url.Values) ([]string, error) {
	for _, v := range q["status"] {
		if !slices.Contains(triageStatuses, v) {
			return nil, &fieldError{"status", fmt.Sprintf("must be one of %v", triageStatuses)}
		}
	}
	return q["status"], nil
}

// statusWhere narrows where to the statuses asked for, if any.
func statusWhere(status []string, where []string, args []any) ([]string, []any) {
	if len(status) == 0 {
		return where, args
	}
	return append(where, "has(?, if(triage_status = '', 'new', triage_status))"), append(args, status)
}
