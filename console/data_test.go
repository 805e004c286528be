package console

import (
	"fmt"
	"time"

	"github.com/credwatch/credwatch/store"
)

// alertTenants are the tenants with test alerts: two each, one critical
// leaked-token alert and one low first-seen-network alert.
var alertTenants = []string{"acme", "globex", "initech"}

func testAlerts() store.Rows {
	cols := []string{"tenant", "id", "revision", "kind", "publish", "rule", "title", "severity", "tier", "shadow",
		"suppressed", "suppression_id", "suppression_owner", "suppression_reason", "credential", "actor",
		"first_seen", "last_seen", "count", "evidence_count", "reason", "explanation", "updated_at"}
	rows := store.Rows{Table: "alerts", Columns: cols}
	for i, tenant := range alertTenants {
		seen := now.Add(-time.Duration(i+1) * time.Hour)
		for j, r := range []struct{ rule, severity string }{{"leaked_token_used", "critical"}, {"first_seen_asn", "low"}} {
			rows.Values = append(rows.Values, []any{tenant, fmt.Sprintf("alr_%s_%d", tenant, j), uint32(1), "new", uint8(1),
				r.rule, r.rule, r.severity, "notify", uint8(0), uint8(0), "", "", "",
				"tok_" + tenant, "user@" + tenant, seen, seen.Add(time.Duration(j) * time.Minute), uint32(1 + j), uint32(1),
				"reason", "{}", seen})
		}
	}
	return rows
}
