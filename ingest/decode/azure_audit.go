package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azureLogIs reports a record of the named log: its category in a
// diagnostic export, its Type (table) in Log Analytics.
func azureLogIs(v *fastjson.Value, name string) bool {
	return strings.EqualFold(string(v.GetStringBytes("category")), name) || strings.EqualFold(string(v.GetStringBytes("Type")), name)
}

// azureAuditRecord maps a directory audit: who (initiatedBy: a user by
// user principal name, or an application by appId), from where (its
// address, else callerIpAddress), the result, and, when an application's
// or service principal's credentials changed, which one (see
// azureKeyChange). ev holds what every Azure record has.
func (r *reader) azureAuditRecord(v *fastjson.Value, p azureProps, result string, ev *event.Event) {
	ev.ID = firstNonEmpty(p.str("id"), ev.ID)
	ev.Tenant = firstNonEmpty(r.azureDirectory(v, p), azureSegment(ev.Resource.ID, "tenants"))
	ev.Outcome = azureAuditOutcome(firstNonEmpty(p.str("result"), result))
	if !p.flat {
		setAttr(ev, "azure.audit_category", p.str("category"))
	}
	by, path := p.dyn("initiatedBy")
	r.azureInitiator(by, path, ev)
	if ev.Source.IP == "" && !ev.Source.Internal {
		r.entraCaller(ev, v)
	}
	details, path := p.list("additionalDetails")
	ev.Source.UserAgent = r.auditDetail(details, path, "User-Agent")
	appID := r.auditDetail(details, path, "AppId")
	targets, path := p.list("targetResources")
	if len(targets) > 0 {
		r.azureKeyChange(targets[0], path+"[0]", appID, ev)
	}
}

// azureAuditOutcome maps result: success, failure (timeout too), else
// unknown.
func azureAuditOutcome(result string) string {
	switch strings.ToLower(result) {
	case "success", "succeeded":
		return "success"
	case "failure", "failed", "timeout":
		return "failure"
	}
	return event.OutcomeUnknown
}

// azureInitiator maps initiatedBy: a user (userPrincipalName, else id;
// its ipAddress) or an application (appId, else servicePrincipalId; its
// name to attrs.azure.app_name); the object id goes to
// attrs.azure.object_id.
func (r *reader) azureInitiator(by *fastjson.Value, path string, ev *event.Event) {
	n := r.limits.MaxString
	if u := r.obj(by, "user", path+".user"); u != nil {
		object := r.str(u, "id", path+".user.id", n)
		ev.Actor = event.Actor{ID: firstNonEmpty(r.str(u, "userPrincipalName", path+".user.userPrincipalName", n), object), Type: "user"}
		setAttr(ev, "azure.object_id", object)
		r.entraAddress(ev, u, "ipAddress", path+".user.ipAddress")
	} else if a := r.obj(by, "app", path+".app"); a != nil {
		object := r.str(a, "servicePrincipalId", path+".app.servicePrincipalId", n)
		ev.Actor = event.Actor{ID: firstNonEmpty(r.str(a, "appId", path+".app.appId", n), object), Type: "service"}
		setAttr(ev, "azure.object_id", object)
		setAttr(ev, "azure.app_name", r.str(a, "displayName", path+".app.displayName", n))
	}
	if ev.Actor.ID == "" {
		ev.Actor.Type = ""
	}
}

// auditDetail is the value of additionalDetails' entry key.
func (r *reader) auditDetail(details []*fastjson.Value, path, key string) string {
	for _, d := range details {
		if string(d.GetStringBytes("key")) == key {
			return r.str(d, "value", path+"[].value", r.limits.MaxText)
		}
	}
	return ""
}
