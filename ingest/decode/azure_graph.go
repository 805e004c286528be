package decode

import (
	"cmp"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azureGraphActivity maps a request to Microsoft Graph: the use of the
// access token it presented, by the id of the sign-in that issued it
// (signInActivityId: the uti claim, which sign-ins name
// uniqueTokenIdentifier), issued at tokenIssuedAt, its scopes and roles;
// by the user (userId, an object id) else the application (appId); the
// outcome by the HTTP status.
func (r *reader) azureGraphActivity(v *fastjson.Value, p azureProps, ev *event.Event) {
	ev.ID = firstNonEmpty(p.str("requestId"), ev.ID)
	ev.Tenant = firstNonEmpty(strings.ToLower(p.str("tenantId", "AadTenantId", "AADTenantId")), r.azureDirectory(v, p),
		azureSegment(ev.Resource.ID, "tenants"))
	app, user, sp := p.str("appId"), p.str("userId"), p.str("servicePrincipalId")
	ev.Actor = event.Actor{ID: firstNonEmpty(user, app, sp), Type: "service"}
	if user != "" {
		ev.Actor.Type = "user"
	}
	setAttr(ev, "azure.app_id", app)
	setAttr(ev, "azure.object_id", firstNonEmpty(user, sp))
	ev.Action = "token.use"
	if uti := p.str("signInActivityId"); uti != "" {
		key, path := p.key("tokenIssuedAt")
		ev.Token = event.Token{ID: uti, Kind: "session", Owner: ev.Actor.ID, Tenant: ev.Tenant,
			Scopes:    r.azureScopes(p.str("scopes") + " " + p.str("roles")),
			CreatedAt: r.timestamp(p.o, key, path, false)}
	}
	key, path := p.key("responseStatusCode")
	outcome, present := r.httpStatus(p.o, key, path)
	ev.Outcome = cmp.Or(outcome, event.OutcomeUnknown)
	if present && outcome != "success" && outcome != event.OutcomeUnknown {
		setAttr(ev, "azure.result", p.o.Get(key).String())
	}
	key, path = p.key("ipAddress", "IPAddress")
	r.entraAddress(ev, p.o, key, path)
	ev.Source.UserAgent = p.str("userAgent")
	ev.Resource = event.Resource{ID: p.str("requestUri")}
	setAttr(ev, "azure.request_method", p.str("requestMethod"))
}

// azureScopes splits a token's scopes and roles ("User.Read Mail.Read"),
// at most MaxList of them.
func (r *reader) azureScopes(s string) []string {
	scopes := strings.Fields(s)
	return scopes[:min(len(scopes), r.limits.MaxList)]
}
