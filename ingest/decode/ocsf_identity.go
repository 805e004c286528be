package decode

import (
	"strconv"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// OCSF's Identity & Access Management classes besides Authentication.
const (
	ocsfAccountChange    = 3001
	ocsfAuthorizeSession = 3003
	ocsfEntityManagement = 3004
	ocsfUserAccess       = 3005 // API Activity in 1.0.0-rc.2, as Security Lake's first CloudTrail mapping writes it
	ocsfGroupManagement  = 3006
)

// ocsfClassNames name those classes in actions.
var ocsfClassNames = map[float64]string{ocsfAccountChange: "account_change", ocsfAuthorizeSession: "authorize_session",
	ocsfEntityManagement: "entity_management", ocsfUserAccess: "user_access", ocsfGroupManagement: "group_management"}

// ocsfIdentity maps an Identity & Access Management event other than an
// authentication: who acted (actor.user, else user), with which credential
// and session, from where. A cloud API call (api.operation: Security Lake
// maps CloudTrail's CreateUser to Account Change, and 1.0.0-rc.2 numbered
// API Activity 3005) maps as API Activity does; otherwise the action is
// <class>.<activity> (account_change.lock, group_management.add_user), the
// user acted on in attrs.ocsf.target_user.
func (r *reader) ocsfIdentity(v *fastjson.Value, class float64) event.Event {
	if api := v.Get("api"); api != nil && api.Get("operation") != nil {
		ev := r.ocsfCommon(v, event.FormatOCSFAPI, "actor.user", "user")
		ev.Action = r.ocsfAPIAction(v)
		ev.RequestID = r.str(r.obj(r.obj(v, "api", "api"), "request", "api.request"), "uid", "api.request.uid", r.limits.MaxString)
		ev.Resource = r.ocsfResource(v)
		return ev
	}
	ev := r.ocsfCommon(v, event.FormatOCSFIAM, "actor.user", "user")
	ev.Action = r.ocsfIdentityAction(v, class)
	ev.Resource = r.ocsfResource(v)
	if u := r.obj(v, "user", "user"); u != nil && v.Get("actor", "user") != nil {
		setAttr(&ev, "ocsf.target_user", firstNonEmpty(r.str(u, "email_addr", "user.email_addr", r.limits.MaxString),
			r.str(u, "name", "user.name", r.limits.MaxString), r.str(u, "uid", "user.uid", r.limits.MaxString)))
	}
	return ev
}

// ocsfIdentityAction is unmapped.credwatch_action, else
// <class>.<activity_name> in snake case, else <class>.activity_<id>.
func (r *reader) ocsfIdentityAction(v *fastjson.Value, class float64) string {
	if a := r.str(r.obj(v, "unmapped", "unmapped"), "credwatch_action", "unmapped.credwatch_action", r.limits.MaxString); a != "" {
		return a
	}
	prefix := ocsfClassNames[class] + "."
	if name := r.str(v, "activity_name", "activity_name", 64); name != "" {
		return prefix + strings.ToLower(strings.ReplaceAll(strings.TrimSpace(name), " ", "_"))
	}
	return prefix + "activity_" + strconv.FormatUint(uint64(r.uint32Field(v, "activity_id", "activity_id")), 10)
}
