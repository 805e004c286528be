package decode

import (
	"strconv"
	"time"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// OCSF classes credwatch maps onto its event.
const (
	ocsfAPIActivity    = 6003
	ocsfAuthentication = 3002
)

// ocsf maps an OCSF 1.x API Activity or Authentication object; the mapping is
// documented in docs/contract.md.
func (r *reader) ocsf(v *fastjson.Value) event.Event {
	id, ok := r.number(v, "class_uid", "class_uid")
	if !ok {
		return event.Event{}
	}
	var ev event.Event
	switch id {
	case ocsfAPIActivity:
		ev = r.ocsfCommon(v, event.FormatOCSFAPI)
		ev.Action = r.ocsfAPIAction(v)
		ev.RequestID = r.str(r.obj(r.obj(v, "api", "api"), "request", "api.request"), "uid", "api.request.uid", r.limits.MaxString)
		ev.Resource = r.ocsfResource(v)
		actor := r.obj(v, "actor", "actor")
		r.ocsfUser(&ev, r.obj(actor, "user", "actor.user"), "actor.user")
		r.ocsfSession(&ev, r.obj(actor, "session", "actor.session"), "actor.session")
	case ocsfAuthentication:
		ev = r.ocsfCommon(v, event.FormatOCSFAuth)
		r.ocsfUser(&ev, r.obj(v, "user", "user"), "user")
		r.ocsfSession(&ev, r.obj(v, "session", "session"), "session")
		ev.Action = r.ocsfAuthAction(v, ev.Token.ID != "")
	default:
		r.fail(fieldErr("class_uid", ReasonUnsupport, "OCSF class %v is not supported (supported: 6003 API Activity, 3002 Authentication)", id))
	}
	if ev.Actor.ID == "" && r.err == nil {
		r.fail(fieldErr("actor.user.uid", ReasonMissing, "is required"))
	}
	return ev
}

// ocsfCommon maps what both classes share: metadata, time, status, endpoint.
func (r *reader) ocsfCommon(v *fastjson.Value, format string) event.Event {
	meta := r.obj(v, "metadata", "metadata")
	ev := event.Event{
		Format: format,
		ID:     r.required(meta, "uid", "metadata.uid", r.limits.MaxID),
		Time:   r.epochMillis(v, "time", "time"),
		Tenant: r.str(meta, "tenant_uid", "metadata.tenant_uid", r.limits.MaxString),
	}
	if ev.Tenant == "" {
		ev.Tenant = r.str(r.obj(r.obj(v, "cloud", "cloud"), "account", "cloud.account"), "uid", "cloud.account.uid", r.limits.MaxString)
	}
	if ev.Tenant == "" && r.err == nil {
		r.fail(fieldErr("metadata.tenant_uid", ReasonMissing, "is required (or cloud.account.uid)"))
	}
	ev.Outcome = r.ocsfOutcome(v)
	ev.Source = r.ocsfEndpoint(r.obj(v, "src_endpoint", "src_endpoint"))
	ev.Source.UserAgent = r.str(r.obj(v, "http_request", "http_request"), "user_agent", "http_request.user_agent", r.limits.MaxText)
	ev.Attrs = r.ocsfUnmapped(r.obj(v, "unmapped", "unmapped"))
	return ev
}

// epochMillis reads an OCSF timestamp_t (milliseconds since the epoch).
func (r *reader) epochMillis(v *fastjson.Value, key, path string) time.Time {
	ms, ok := r.inRange(v, key, path, 0, 1<<53)
	if !ok {
		if r.err == nil {
			r.fail(fieldErr(path, ReasonMissing, "is required (milliseconds since the epoch)"))
		}
		return time.Time{}
	}
	return time.UnixMilli(int64(ms)).UTC()
}

// ocsfOutcome: disposition_id 2 (Blocked) is denied; status_id 2 failure.
func (r *reader) ocsfOutcome(v *fastjson.Value) string {
	disp, _ := r.number(v, "disposition_id", "disposition_id")
	status, _ := r.number(v, "status_id", "status_id")
	switch {
	case disp == 2:
		return "denied"
	case status == 2:
		return "failure"
	}
	return "success"
}

// ocsfAPIAction: unmapped.credwatch_action, else api.operation.
func (r *reader) ocsfAPIAction(v *fastjson.Value) string {
	if a := r.str(r.obj(v, "unmapped", "unmapped"), "credwatch_action", "unmapped.credwatch_action", r.limits.MaxString); a != "" {
		return a
	}
	return r.required(r.obj(v, "api", "api"), "operation", "api.operation", r.limits.MaxString)
}

// ocsfAuthAction: a successful credential logon is a token use.
func (r *reader) ocsfAuthAction(v *fastjson.Value, hasCredential bool) string {
	if a := r.str(r.obj(v, "unmapped", "unmapped"), "credwatch_action", "unmapped.credwatch_action", r.limits.MaxString); a != "" {
		return a
	}
	act, _ := r.number(v, "activity_id", "activity_id")
	switch {
	case act == 1 && hasCredential:
		return "token.use"
	case act == 1:
		return "auth.logon"
	case act == 2:
		return "auth.logoff"
	}
	return "auth.activity_" + strconv.Itoa(int(act))
}
