package alertsink

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/detect"
)

// OCSFVersion is the OCSF schema version alerts are published in.
const OCSFVersion = "1.4.0"

// OCSF class, category and enum values used (OCSF 1.4.0).
const (
	classDetectionFinding = 2004
	categoryFindings      = 2
	activityCreate        = 1
	activityUpdate        = 2
	statusNew             = 1
	statusSuppressed      = 3
	analyticRule          = 1
	observableCredential  = 19 // User Credential ID (dictionary attribute credential_uid)
	observableUserUID     = 31 // user.uid
)

// severityIDs maps credwatch severities (detect.Severities) to OCSF severity_id.
var severityIDs = map[string]int{"info": 1, "low": 2, "medium": 3, "high": 4, "critical": 5}

// severityNames are OCSF's captions for severity_id.
var severityNames = map[int]string{0: "Unknown", 1: "Informational", 2: "Low", 3: "Medium", 4: "High", 5: "Critical", 99: "Other"}

// OCSF renders an alert revision as an OCSF 1.4.0 Detection Finding (class
// 2004): activity Create for revision 1, Update after. Times are event times
// in milliseconds, so the same revision always renders the same bytes.
// credwatch's own fields (tier, shadow, suppression, revision, explanation)
// are under "unmapped". docs/alerts.md describes the shape.
func OCSF(a *detect.Alert) ([]byte, error) {
	if a == nil {
		return nil, fmt.Errorf("ocsf: alert is nil")
	}
	b, err := json.Marshal(findingOf(a))
	if err != nil {
		return nil, fmt.Errorf("ocsf: alert %s revision %d: %w", a.ID, a.Revision, err)
	}
	return b, nil
}

func findingOf(a *detect.Alert) finding {
	activity, activityName := activityCreate, "Create"
	if a.Revision > 1 {
		activity, activityName = activityUpdate, "Update"
	}
	sevID, ok := severityIDs[a.Severity]
	if !ok {
		sevID = 99 // Other: the original value is in unmapped.severity
	}
	status, statusName := statusNew, "New"
	if a.Suppressed {
		status, statusName = statusSuppressed, "Suppressed"
	}
	return finding{
		ActivityID: activity, ActivityName: activityName,
		CategoryUID: categoryFindings, CategoryName: "Findings",
		ClassUID: classDetectionFinding, ClassName: "Detection Finding",
		TypeUID: classDetectionFinding*100 + activity, TypeName: "Detection Finding: " + activityName,
		SeverityID: sevID, Severity: severityNames[sevID], StatusID: status, Status: statusName,
		Time: millis(a.LastSeen), StartTime: millis(a.FirstSeen), EndTime: millis(a.LastSeen),
		Count: a.Count, Message: a.Explanation.Reason, IsAlert: a.Respond(),
		FindingInfo: findingInfoOf(a),
		Evidences:   evidencesOf(a), Observables: observablesOf(a), Resources: resourcesOf(a),
		Metadata: metadata{Version: OCSFVersion, Product: product{Name: "credwatch", VendorName: "credwatch"},
			UID: fmt.Sprintf("%s.%d", a.ID, a.Revision), CorrelationUID: a.ID, TenantUID: a.Tenant},
		Unmapped: unmappedAlert{Revision: a.Revision, Tier: a.Tier, Shadow: a.Shadow, Suppressed: a.Suppressed,
			Suppression: a.Suppression, Severity: a.Severity, Tenant: a.Tenant, Credential: a.Credential,
			Actor: a.Actor, Held: a.Held, Explanation: a.Explanation},
	}
}

func findingInfoOf(a *detect.Alert) findingInfo {
	related := make([]relatedEvent, len(a.EventIDs))
	for i, id := range a.EventIDs {
		related[i] = relatedEvent{UID: id}
	}
	return findingInfo{UID: a.ID, Title: a.Title, Desc: a.Explanation.Reason,
		FirstSeenTime: millis(a.FirstSeen), LastSeenTime: millis(a.LastSeen),
		Analytic: analytic{UID: a.Rule, Name: a.Title, Desc: a.Explanation.Description,
			TypeID: analyticRule, Type: "Rule"},
		RelatedEventsCount: a.Count, RelatedEvents: related}
}

// evidencesOf is the actor and the credential it used (OCSF's user needs a uid).
func evidencesOf(a *detect.Alert) []evidence {
	if a.Actor == "" {
		return nil
	}
	return []evidence{{Actor: actor{User: user{UID: a.Actor, CredentialUID: a.Credential}}}}
}

func observablesOf(a *detect.Alert) []observable {
	var out []observable
	if a.Actor != "" {
		out = append(out, observable{Name: "evidences.actor.user.uid", TypeID: observableUserUID, Value: a.Actor})
		if a.Credential != "" {
			out = append(out, observable{Name: "evidences.actor.user.credential_uid", TypeID: observableCredential, Value: a.Credential})
		}
	}
	return out
}

// resourcesOf is the credential the finding is about (a token or secret id).
func resourcesOf(a *detect.Alert) []resource {
	if a.Credential == "" {
		return nil
	}
	return []resource{{UID: a.Credential, Type: "credential"}}
}

// millis is OCSF's timestamp_t: milliseconds since the epoch, 0 for none.
func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}
