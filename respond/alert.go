package respond

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/detect"
)

// Alert is what respond reads of a published alert (an OCSF Detection
// Finding from package alertsink), with the raw finding for the webhook.
type Alert struct {
	ID    string
	Rule  string
	Title string
	At    time.Time // the finding's time: when its newest event happened
	Facts map[string]any
	Raw   json.RawMessage
	unmapped
}

type unmapped struct {
	Tier        string             `json:"tier"`
	Shadow      bool               `json:"shadow"`
	Suppressed  bool               `json:"suppressed"`
	Severity    string             `json:"severity"`
	Tenant      string             `json:"tenant"`
	Credential  string             `json:"credential"`
	Actor       string             `json:"actor"`
	Held        detect.Held        `json:"held"`
	Revision    int                `json:"revision"`
	Explanation detect.Explanation `json:"explanation"`
}

type finding struct {
	Time        int64 `json:"time"`
	FindingInfo struct {
		UID      string `json:"uid"`
		Title    string `json:"title"`
		Analytic struct {
			UID string `json:"uid"`
		} `json:"analytic"`
	} `json:"finding_info"`
	Unmapped unmapped `json:"unmapped"`
}

// ParseAlert reads an alert message's value, naming the field that is
// missing when it is not an alert respond can act on.
func ParseAlert(value []byte) (Alert, error) {
	var f finding
	if err := json.Unmarshal(value, &f); err != nil {
		return Alert{}, fmt.Errorf("alert: not an OCSF finding: %w", err)
	}
	a := Alert{ID: f.FindingInfo.UID, Rule: f.FindingInfo.Analytic.UID, Title: f.FindingInfo.Title,
		At: time.UnixMilli(f.Time).UTC(), Facts: f.Unmapped.Explanation.RuleFacts,
		Raw: append(json.RawMessage(nil), value...), unmapped: f.Unmapped}
	for field, v := range map[string]string{"finding_info.uid": a.ID, "finding_info.analytic.uid": a.Rule,
		"unmapped.tenant": a.Tenant} {
		if v == "" {
			return Alert{}, fmt.Errorf("alert: %s is missing", field)
		}
	}
	return a, nil
}

// Unactionable says why the alert cannot lead to a response (shadow,
// suppressed, or no credential named), or "".
func (a Alert) Unactionable() string {
	switch {
	case a.Shadow:
		return "shadow rule: recorded only"
	case a.Suppressed:
		return "suppressed alert"
	case a.Credential == "":
		return "the alert names no credential"
	}
	return ""
}
