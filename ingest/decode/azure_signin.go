package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// azureSignIn is which Entra ID (Azure AD) sign-in log a record is in.
type azureSignIn int

const (
	signInNone             azureSignIn = iota
	signInUser                         // interactive: a user proved who they are
	signInUserToken                    // non-interactive: a client redeemed the user's refresh token
	signInServicePrincipal             // an app signed in with its own credential
	signInManagedIdentity              // Azure issued a token to a managed identity
)

// azureSignInLogs maps the sign-in logs' diagnostic categories and Log
// Analytics tables (Type), lower-cased.
var azureSignInLogs = map[string]azureSignIn{
	"signinlogs": signInUser, "noninteractiveusersigninlogs": signInUserToken,
	"aadnoninteractiveusersigninlogs": signInUserToken, "serviceprincipalsigninlogs": signInServicePrincipal,
	"aadserviceprincipalsigninlogs": signInServicePrincipal, "microsoftserviceprincipalsigninlogs": signInServicePrincipal,
	"managedidentitysigninlogs": signInManagedIdentity, "aadmanagedidentitysigninlogs": signInManagedIdentity,
}

// signInOperation is the operationName of every sign-in record.
const signInOperation = "Sign-in activity"

// graphSignInEventTypes maps Graph's signInEventTypes.
var graphSignInEventTypes = map[string]azureSignIn{"interactiveuser": signInUser, "noninteractiveuser": signInUserToken,
	"serviceprincipal": signInServicePrincipal, "managedidentity": signInManagedIdentity}

// azureSignInKind tells a sign-in record by its category or table, else by
// Graph's signInEventTypes, else by its operation ("Sign-in activity"),
// who signed in and isInteractive.
func (r *reader) azureSignInKind(v *fastjson.Value, p azureProps, op string) azureSignIn {
	for _, key := range []string{"category", "Category", "Type"} {
		if c := v.Get(key); c != nil {
			if kind, ok := azureSignInLogs[strings.ToLower(string(c.GetStringBytes()))]; ok {
				return kind
			}
		}
	}
	for _, t := range p.o.GetArray("signInEventTypes") { // Graph's beta signIn
		if kind, ok := graphSignInEventTypes[strings.ToLower(string(t.GetStringBytes()))]; ok {
			return kind
		}
	}
	if !strings.EqualFold(op, signInOperation) {
		return signInNone
	}
	switch {
	case (p.has("userPrincipalName") || p.has("userId")) && isFalse(p.o.Get("isInteractive")):
		return signInUserToken
	case p.has("userPrincipalName") || p.has("userId"):
		return signInUser
	case p.has("servicePrincipalId") || p.has("appId"):
		return signInServicePrincipal
	}
	return signInUser
}

// azureEntra maps an Entra ID record (a sign-in, a directory audit, a
// request to Microsoft Graph) and reports whether it was one.
func (r *reader) azureEntra(v *fastjson.Value, p azureProps, op, result string, ev *event.Event) bool {
	kind := r.azureSignInKind(v, p, op)
	ev.Action = op // a sign-in, or a change of credentials, names its own
	switch {
	case kind != signInNone:
		r.azureSignInRecord(v, p, kind, result, ev)
	case azureLogIs(v, "AuditLogs"), p.flat && v.Get("activityDisplayName") != nil && v.Get("initiatedBy") != nil: // Graph's directoryAudit
		r.azureAuditRecord(v, p, result, ev)
	case azureLogIs(v, "MicrosoftGraphActivityLogs"):
		r.azureGraphActivity(v, p, ev)
	default:
		return false
	}
	setAttr(ev, "azure.operation", op)
	return true
}

// azureDirectory is the Entra ID tenant whose log holds the record,
// lower-cased: tenantId, or a Log Analytics row's AADTenantId (its
// TenantId is the workspace's).
func (r *reader) azureDirectory(v *fastjson.Value, p azureProps) string {
	key := azKey(v, "tenantId", "AADTenantId")
	if p.flat {
		key = "AADTenantId"
	}
	return strings.ToLower(r.str(v, key, key, r.limits.MaxString))
}

// isFalse reports a JSON false (not absent, not another type).
func isFalse(c *fastjson.Value) bool { return c != nil && c.Type() == fastjson.TypeFalse }

// azureSignInRecord maps a sign-in: who (the user, else the application
// by its appId, as Key Vault's appid claim names it), where (the address,
// its AS and country), which tenant (the one signed into; the credential's
// home tenant is the token's) and which credential (see
// azureSignInCredential). ev holds what every Azure record has.
func (r *reader) azureSignInRecord(v *fastjson.Value, p azureProps, kind azureSignIn, result string, ev *event.Event) {
	ev.ID = firstNonEmpty(p.str("id", "Id"), ev.ID)
	home := strings.ToLower(p.str("homeTenantId"))
	ev.Tenant = firstNonEmpty(strings.ToLower(p.str("resourceTenantId")), r.azureDirectory(v, p), home)
	r.azureSignInActor(p, kind, ev)
	ev.Outcome = r.azureSignInOutcome(p, result, ev)
	r.azureSignInSource(v, p, ev)
	ev.Resource = event.Resource{ID: p.str("resourceId", "ResourceIdentity")}
	if home != "" && home != ev.Tenant {
		setAttr(ev, "azure.home_tenant", home)
	}
	for _, a := range azureSignInAttrs {
		setAttr(ev, a[0], p.word(a[1]))
	}
	r.azureSignInCredential(p, kind, firstNonEmpty(home, ev.Tenant), ev)
}

// azureSignInAttrs are the fields kept as attributes: attribute, field.
var azureSignInAttrs = [][2]string{
	{"azure.app_name", "appDisplayName"}, {"azure.principal_name", "servicePrincipalName"}, {"azure.resource", "resourceDisplayName"}, {"azure.client_app", "clientAppUsed"},
	{"azure.credential_type", "clientCredentialType"}, {"azure.incoming_token_type", "incomingTokenType"},
	{"azure.cross_tenant", "crossTenantAccessType"}, {"azure.conditional_access", "conditionalAccessStatus"},
	{"azure.risk", "riskLevelDuringSignIn"}, {"azure.authentication", "authenticationRequirement"},
}

// azureSignInActor: a user by user principal name (else object id); an
// application or managed identity by appId (else service principal id).
func (r *reader) azureSignInActor(p azureProps, kind azureSignIn, ev *event.Event) {
	app, sp := p.str("appId"), p.str("servicePrincipalId")
	setAttr(ev, "azure.app_id", app)
	if kind == signInUser || kind == signInUserToken {
		user, object := p.str("userPrincipalName"), p.str("userId")
		ev.Actor = event.Actor{ID: firstNonEmpty(user, object), Type: "user"}
		setAttr(ev, "azure.object_id", object)
	} else {
		ev.Actor = event.Actor{ID: firstNonEmpty(app, sp), Type: "service"}
		setAttr(ev, "azure.object_id", sp)
	}
	if ev.Actor.ID == "" {
		ev.Actor.Type = ""
	}
}
