package alertsink

import (
	"encoding/json"
	"math"
	"time"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/store"
)

// Tables written (store/migrations/00004_alerts.sql).
const (
	alertsTable   = "alerts"
	evidenceTable = "alert_evidence"
)

// alertColumns names the alerts columns in the order alertRow returns them.
var alertColumns = []string{
	"tenant", "id", "revision", "kind", "publish", "rule", "title", "severity", "tier",
	"shadow", "suppressed", "suppression_id", "suppression_owner", "suppression_reason",
	"credential", "actor", "first_seen", "last_seen", "count", "evidence_count",
	"reason", "explanation", "updated_at",
}

// evidenceColumns names the alert_evidence columns in evidenceRow's order.
var evidenceColumns = []string{"tenant", "alert_id", "event_id", "seq", "rule", "credential", "first_seen"}

// checkUpdate names the first field of update i that cannot be stored.
func checkUpdate(i int, u detect.Update) error {
	a := u.Alert
	switch {
	case a == nil:
		return permanentf("updates[%d].alert: missing", i)
	case a.ID == "":
		return permanentf("updates[%d].alert.id: empty", i)
	case a.Revision <= 0 || a.Revision > math.MaxUint32:
		return permanentf("updates[%d].alert.revision: %d out of range 1..%d", i, a.Revision, uint32(math.MaxUint32))
	case a.Tenant == "":
		return permanentf("updates[%d].alert.tenant: empty (alert %s)", i, a.ID)
	case u.Kind != detect.UpdateNew && u.Kind != detect.UpdateEscalated && u.Kind != detect.UpdateEvidence:
		return permanentf("updates[%d].kind: %q is not new, escalated or evidence", i, u.Kind)
	}
	return nil
}

// alertRow is one alerts row: the update's revision, stamped updatedAt.
func alertRow(u detect.Update, updatedAt time.Time) ([]any, error) {
	a := u.Alert
	explanation, err := json.Marshal(a.Explanation)
	if err != nil {
		return nil, permanentf("alert %s revision %d: explanation: %v", a.ID, a.Revision, err)
	}
	var sup detect.Suppression
	if a.Suppression != nil {
		sup = *a.Suppression
	}
	return []any{
		a.Tenant, a.ID, uint32(a.Revision), u.Kind, store.BoolUInt8(u.Publish()),
		a.Rule, a.Title, a.Severity, a.Tier,
		store.BoolUInt8(a.Shadow), store.BoolUInt8(a.Suppressed), sup.ID, sup.Owner, sup.Reason,
		a.Credential, a.Actor, dateTime(a.FirstSeen), dateTime(a.LastSeen), clampUint32(a.Count), clampUint32(len(a.EventIDs)),
		a.Explanation.Reason, string(explanation), updatedAt,
	}, nil
}

// evidenceRows are alert_evidence rows for a's evidence ids from index from on.
func evidenceRows(a *detect.Alert, from int) [][]any {
	rows := make([][]any, 0, len(a.EventIDs)-from)
	for i := from; i < len(a.EventIDs); i++ {
		rows = append(rows, []any{a.Tenant, a.ID, a.EventIDs[i], uint32(i), a.Rule, a.Credential, dateTime(a.FirstSeen)})
	}
	return rows
}

func clampUint32(n int) uint32 { return uint32(min(max(n, 0), math.MaxUint32)) }

// dateTime clamps t to what a DateTime column holds (from 1970).
func dateTime(t time.Time) time.Time {
	if t.Before(time.Unix(0, 0)) {
		return time.Unix(0, 0).UTC()
	}
	return t.UTC()
}
