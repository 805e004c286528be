package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// ocsfOutcome: disposition_id 2 (Blocked) is denied, and so is a call that
// did not succeed with an authorization error in api.response.error (where
// the OCSF mapping of CloudTrail puts errorCode: AccessDenied,
// Client.UnauthorizedOperation …); else the status (see ocsfStatus).
func (r *reader) ocsfOutcome(v *fastjson.Value) string {
	if disp, _ := r.number(v, "disposition_id", "disposition_id"); disp == 2 {
		return "denied"
	}
	outcome := r.ocsfStatus(v)
	if outcome != "success" && isDeniedCode(string(v.GetStringBytes("api", "response", "error"))) {
		return "denied"
	}
	return outcome
}

// ocsfStatus: status_id 1 success, 2 failure, 0 (Unknown) and 99 (Other)
// unknown; without status_id the status caption decides, and without
// either the outcome is unknown.
func (r *reader) ocsfStatus(v *fastjson.Value) string {
	if status, ok := r.number(v, "status_id", "status_id"); ok {
		switch status {
		case 1:
			return "success"
		case 2:
			return "failure"
		}
		return event.OutcomeUnknown
	}
	switch strings.ToLower(r.str(v, "status", "status", r.limits.MaxString)) {
	case "success":
		return "success"
	case "failure", "failed":
		return "failure"
	}
	return event.OutcomeUnknown
}
