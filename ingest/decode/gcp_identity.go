package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gcpIdentity maps authenticationInfo: the principal is the actor; a
// service account key that signed the call (serviceAccountKeyName) is the
// token used, owned by the account; the principal that impersonated the
// account (serviceAccountDelegationInfo) goes to attrs gcp.delegated_by.
func (r *reader) gcpIdentity(p *fastjson.Value, ev *event.Event) {
	a := r.obj(p, "authenticationInfo", "protoPayload.authenticationInfo")
	email := r.str(a, "principalEmail", "protoPayload.authenticationInfo.principalEmail", r.limits.MaxString)
	subject := r.str(a, "principalSubject", "protoPayload.authenticationInfo.principalSubject", r.limits.MaxString)
	ev.Actor.ID = firstNonEmpty(email, subject)
	ev.Actor.Type = gcpActorType(email, subject)
	if project := gcpServiceAccountProject(email); project != "" {
		ev.Actor.Tenants = []string{project}
	}
	if key := r.str(a, "serviceAccountKeyName", "protoPayload.authenticationInfo.serviceAccountKeyName", r.limits.MaxString); key != "" {
		ev.Token = event.Token{ID: gcpKeyID(key), Owner: ev.Actor.ID, Tenant: firstNonEmpty(pathSegment(key, "projects"), gcpServiceAccountProject(email))}
		if ev.Token.Tenant == "-" {
			ev.Token.Tenant = gcpServiceAccountProject(email)
		}
		setAttr(ev, "gcp.key_name", key)
	}
	setAttr(ev, "gcp.oauth_client", r.str(r.obj(a, "oauthInfo", "protoPayload.authenticationInfo.oauthInfo"), "oauthClientId",
		"protoPayload.authenticationInfo.oauthInfo.oauthClientId", r.limits.MaxString))
	setAttr(ev, "gcp.delegated_by", r.gcpDelegator(a))
}

// gcpActorType: a service account (a GKE one is system:serviceaccount:…),
// or a federated identity (principal://…), is a service; an e-mail address
// or user: subject a user.
func gcpActorType(email, subject string) string {
	switch {
	case strings.HasSuffix(email, ".gserviceaccount.com"), strings.HasPrefix(email, "system:"), strings.HasPrefix(subject, "serviceAccount:"),
		strings.HasPrefix(subject, "principal://"), strings.HasPrefix(subject, "principalSet://"):
		return "service"
	case strings.Contains(email, "@"), strings.HasPrefix(subject, "user:"):
		return "user"
	}
	return ""
}

// gcpServiceAccountProject is the project of a service account's address
// (name@project.iam.gserviceaccount.com), else "".
func gcpServiceAccountProject(email string) string {
	_, domain, ok := strings.Cut(email, "@")
	project, found := strings.CutSuffix(domain, ".iam.gserviceaccount.com")
	if !ok || !found {
		return ""
	}
	return project
}

// gcpKeyID is a service account key's id, the last part of its resource
// name (…/serviceAccounts/sa/keys/<id>): the same key named through the
// account's address, its unique id or "-" has one id.
func gcpKeyID(name string) string {
	if i := strings.LastIndex(name, "/keys/"); i >= 0 {
		return name[i+len("/keys/"):]
	}
	return name
}

// gcpDelegator is the first principal of the impersonation chain.
func (r *reader) gcpDelegator(a *fastjson.Value) string {
	chain := a.Get("serviceAccountDelegationInfo")
	if chain == nil || chain.Type() != fastjson.TypeArray {
		return ""
	}
	items, _ := chain.Array()
	if len(items) == 0 {
		return ""
	}
	path := "protoPayload.authenticationInfo.serviceAccountDelegationInfo[0]"
	first := r.obj(items[0], "firstPartyPrincipal", path+".firstPartyPrincipal")
	return r.str(first, "principalEmail", path+".firstPartyPrincipal.principalEmail", r.limits.MaxString)
}

// gcpSource maps requestMetadata: the caller's address and user agent. Google
// writes "private" or "gce-internal-ip" for a call from a VPC, and 0.x.x.x
// addresses for its own services: internal, no address, attrs gcp.source.
func (r *reader) gcpSource(p *fastjson.Value, ev *event.Event) {
	m := r.obj(p, "requestMetadata", "protoPayload.requestMetadata")
	ev.Source.UserAgent = r.str(m, "callerSuppliedUserAgent", "protoPayload.requestMetadata.callerSuppliedUserAgent", r.limits.MaxText)
	setAttr(ev, "gcp.caller_network", r.str(m, "callerNetwork", "protoPayload.requestMetadata.callerNetwork", r.limits.MaxString))
	path := "protoPayload.requestMetadata.callerIp"
	r.callerAddress(ev, r.str(m, "callerIp", path, 64), path, "gcp.source", func(s string) bool { return s == "private" || s == "gce-internal-ip" })
}
