package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// isAzureActivityEvent reports an Activity Log event as its REST API, the
// Azure CLI and PowerShell list it (the "Activity Log event schema"): an
// eventDataId beside an eventTimestamp, its names as {value,
// localizedValue} objects.
func isAzureActivityEvent(v *fastjson.Value) bool {
	return v.Get("eventDataId") != nil && v.Get("eventTimestamp") != nil
}

// azureActivityEvent maps an Activity Log event in the REST schema as an
// exported record is mapped (see azure): the operation's value, its
// status (Started and Accepted are skipped: the result follows), the
// caller's claims, the address of its request.
func (r *reader) azureActivityEvent(v *fastjson.Value) event.Event {
	l := r.limits
	op := r.azureNamed(v, "operationName", true)
	ev := event.Event{
		Format:    event.FormatAzure,
		ID:        r.str(v, "eventDataId", "eventDataId", l.MaxID),
		Time:      r.timestamp(v, "eventTimestamp", "eventTimestamp", true),
		RequestID: r.str(v, "correlationId", "correlationId", l.MaxID),
		Resource:  event.Resource{ID: r.str(v, "resourceId", "resourceId", l.MaxText)},
	}
	status := r.azureNamed(v, "status", false)
	if r.err != nil {
		return ev
	}
	if azurePending(status) {
		r.skip() // the event of the same operation's result follows
		return ev
	}
	setAttr(&ev, "azure.category", r.azureNamed(v, "category", false))
	claims := azureClaimSet{r: r, o: r.obj(v, "claims", "claims")}
	ev.Tenant = firstNonEmpty(strings.ToLower(r.str(v, "subscriptionId", "subscriptionId", l.MaxString)),
		azureSegment(ev.Resource.ID, "subscriptions"), claims.get("tid", "http://schemas.microsoft.com/identity/claims/tenantid"))
	action, known := azureAction(op)
	ev.Action = action
	if known {
		setAttr(&ev, "azure.operation", op)
	}
	ev.Outcome = r.azureEventOutcome(v, status, &ev)
	r.azureIdentity(claims, &ev)
	if ev.Actor.ID == "" { // caller: a user's sign-in name, else a service principal's id or a service's name
		ev.Actor = event.Actor{ID: r.str(v, "caller", "caller", l.MaxString), Type: "service"}
		if strings.Contains(ev.Actor.ID, "@") {
			ev.Actor.Type = "user"
		}
		if ev.Actor.ID == "" {
			ev.Actor.Type = ""
		}
	}
	if req := r.obj(v, "httpRequest", "httpRequest"); req != nil {
		r.callerAddress(&ev, r.str(req, "clientIpAddress", "httpRequest.clientIpAddress", 64), "httpRequest.clientIpAddress", "azure.source",
			func(string) bool { return false })
	}
	if strings.HasPrefix(ev.Action, "secret.") {
		ev.Secret = r.azureSecret(r.obj(v, "properties", "properties"), ev.Resource.ID, ev.Tenant)
		ev.Resource.Type = "secret"
	}
	return ev
}

// azureNamed is the value of a {value, localizedValue} field (or the
// field itself, when a string).
func (r *reader) azureNamed(v *fastjson.Value, key string, required bool) string {
	if c := v.Get(key); c != nil && c.Type() == fastjson.TypeObject {
		if required {
			return r.required(c, "value", key+".value", r.limits.MaxString)
		}
		return r.str(c, "value", key+".value", r.limits.MaxString)
	}
	if required {
		return r.required(v, key, key, r.limits.MaxString)
	}
	return r.str(v, key, key, r.limits.MaxString)
}

// azureEventOutcome: Succeeded (or Success, Resolved, Active for an
// alert's activation) is a success; a Failed one whose subStatus says
// the caller was not allowed (Forbidden, Unauthorized) is denied, any
// other a failure.
func (r *reader) azureEventOutcome(v *fastjson.Value, status string, ev *event.Event) string {
	sub := r.azureNamed(v, "subStatus", false)
	switch s := strings.ToLower(status); {
	case s == "succeeded" || s == "success" || s == "resolved" || s == "active":
		return "success"
	case s == "":
		return event.OutcomeUnknown
	}
	setAttr(ev, "azure.result", firstNonEmpty(sub, status))
	if d := strings.ToLower(sub); strings.Contains(d, "forbidden") || strings.Contains(d, "unauthorized") {
		return "denied"
	}
	return "failure"
}
