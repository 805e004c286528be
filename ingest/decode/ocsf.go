package decode

import (
	"strconv"
	"strings"
	"time"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// OCSF classes credwatch maps onto its event.
const (
	ocsfAPIActivity    = 6003
	ocsfAuthentication = 3002
)

// ocsf maps an OCSF 1.x API Activity or Authentication object as vendors
// emit it; the mapping is documented per vendor in docs/contract.md.
func (r *reader) ocsf(v *fastjson.Value) event.Event {
	id, ok := r.number(v, "class_uid", "class_uid")
	if !ok {
		r.reject(fieldErr("class_uid", ReasonType, "must be a number"))
		return event.Event{}
	}
	var ev event.Event
	switch id {
	case ocsfAPIActivity:
		ev = r.ocsfCommon(v, event.FormatOCSFAPI, "actor.user", "user")
		ev.Action = r.ocsfAPIAction(v)
		ev.RequestID = r.str(r.obj(r.obj(v, "api", "api"), "request", "api.request"), "uid", "api.request.uid", r.limits.MaxString)
		ev.Resource = r.ocsfResource(v)
		r.ocsfCommandedInstances(v, &ev)
	case ocsfAuthentication:
		ev = r.ocsfCommon(v, event.FormatOCSFAuth, "user", "actor.user")
		ev.Action = r.ocsfAuthAction(v, ev.Token.ID != "")
	case ocsfAccountChange, ocsfAuthorizeSession, ocsfEntityManagement, ocsfUserAccess, ocsfGroupManagement:
		ev = r.ocsfIdentity(v, id)
	default:
		r.reject(fieldErr("class_uid", ReasonUnsupport, "OCSF class %v is not supported (supported: 6003 API Activity, 3002 Authentication, "+
			"3001 Account Change, 3003 Authorize Session, 3004 Entity Management, 3005 User Access Management or 1.0.0-rc.2's API Activity, "+
			"3006 Group Management)", id))
	}
	if ev.Actor.ID == "" && r.err == nil {
		r.reject(fieldErr("actor.user", ReasonMissing, "no uid, name or email_addr in actor.user or user"))
	}
	return ev
}

// ocsfCommon maps what both classes share; users are tried in order.
func (r *reader) ocsfCommon(v *fastjson.Value, format string, users ...string) event.Event {
	meta := r.obj(v, "metadata", "metadata")
	ev := event.Event{
		Format: format,
		ID:     r.str(meta, "uid", "metadata.uid", r.limits.MaxID),
		Time:   r.ocsfTime(v),
		Tenant: r.str(meta, "tenant_uid", "metadata.tenant_uid", r.limits.MaxString),
	}
	ev.Outcome = r.ocsfOutcome(v)
	unmapped := r.obj(v, "unmapped", "unmapped")
	ev.Attrs = r.flatAttrs(unmapped, "unmapped")
	for _, path := range users {
		if ev.Actor.ID == "" {
			r.ocsfUser(&ev, r.objPath(v, path), path)
		}
	}
	actor := r.obj(v, "actor", "actor")
	r.ocsfSession(&ev, r.obj(actor, "session", "actor.session"), "actor.session")
	r.ocsfSession(&ev, r.obj(v, "session", "session"), "session")
	ev.Source = r.ocsfEndpoint(r.obj(v, "src_endpoint", "src_endpoint"))
	ev.Source.UserAgent = r.str(r.obj(v, "http_request", "http_request"), "user_agent", "http_request.user_agent", r.limits.MaxText)
	if ev.Tenant == "" {
		ev.Tenant = r.ocsfTenant(v, unmapped, &ev)
	}
	return ev
}

// ocsfTime honours time_dt (RFC 3339) and otherwise reads time in whatever
// epoch unit the producer used.
func (r *reader) ocsfTime(v *fastjson.Value) time.Time {
	if v.Get("time_dt") != nil {
		if t := r.timestamp(v, "time_dt", "time_dt", false); !t.IsZero() {
			return t
		}
	}
	return r.epochTime(v, "time", "time", true)
}

// ocsfAPIAction: unmapped.credwatch_action, else the catalogue action of a
// known cloud API (secretsmanager GetSecretValue → secret.read …), else
// api.operation as given.
func (r *reader) ocsfAPIAction(v *fastjson.Value) string {
	if a := r.str(r.obj(v, "unmapped", "unmapped"), "credwatch_action", "unmapped.credwatch_action", r.limits.MaxString); a != "" {
		return a
	}
	api := r.obj(v, "api", "api")
	op := r.required(api, "operation", "api.operation", r.limits.MaxString)
	service := r.str(r.obj(api, "service", "api.service"), "name", "api.service.name", r.limits.MaxString)
	if a, ok := cloudTrailAction(service, op); ok {
		return a
	}
	return op
}

// ocsfAuthAction: a successful credential logon is a token use.
func (r *reader) ocsfAuthAction(v *fastjson.Value, hasCredential bool) string {
	if a := r.str(r.obj(v, "unmapped", "unmapped"), "credwatch_action", "unmapped.credwatch_action", r.limits.MaxString); a != "" {
		return a
	}
	act := r.uint32Field(v, "activity_id", "activity_id") // an enum: whole, not negative
	switch {
	case act == 1 && hasCredential:
		return "token.use"
	case act == 1:
		return "auth.logon"
	case act == 2:
		return "auth.logoff"
	}
	if name := r.str(v, "activity_name", "activity_name", 64); name != "" {
		return "auth." + strings.ToLower(strings.ReplaceAll(name, " ", "_"))
	}
	return "auth.activity_" + strconv.FormatUint(uint64(act), 10)
}
