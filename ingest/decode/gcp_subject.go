package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gcpSubject maps what the call acted on: resourceName is the resource; a
// Secret Manager secret (its versions are one secret) or a GKE Secret is
// the secret; for a call that mints or changes a credential, the
// credential is the token (none when the entry does not name it: an API
// key, a federated token) and the caller's own key moves to attrs
// gcp.caller_key.
func (r *reader) gcpSubject(n gcpNames, ev *event.Event) {
	resourceName := n.resourceName
	ev.Resource = event.Resource{Type: r.str(n.resource, "type", "resource.type", r.limits.MaxString), ID: resourceName}
	switch {
	case strings.HasPrefix(ev.Action, "secret.") && pathSegment(resourceName, "secrets") != "":
		ev.Secret = gcpSecret(resourceName, ev.Tenant)
		ev.Resource.Type = "secret"
	case ev.Action == "secret.read" && pathSegment(resourceName, "keys") != "": // an API key's value
		ev.Secret = event.Secret{ID: resourceName, Name: pathSegment(resourceName, "keys"), Tenant: ev.Tenant}
	case strings.HasPrefix(ev.Action, "token.") && strings.HasPrefix(gcpAPI(ev), "iam"):
		setAttr(ev, "gcp.caller_key", ev.Token.ID)
		ev.Token = r.gcpActedOn(n, ev)
		ev.Resource.Type = "token"
	case strings.HasPrefix(ev.Action, "token."): // an API key or a federated token: not logged by id
		setAttr(ev, "gcp.caller_key", ev.Token.ID)
		ev.Token = event.Token{}
	}
}

// gcpNames are the parts of an entry that name what it acted on, read once.
type gcpNames struct {
	resource, labels, payload *fastjson.Value
	resourceName              string
}

// gcpAPI is the call an event maps (attrs gcp.api).
func gcpAPI(ev *event.Event) string { return ev.Attrs["gcp.api"] }

// gcpSecret names a Secret Manager secret by its project and name
// (projects/<tenant>/secrets/<name>: entries name the project by number or
// by id, and a secret's versions are one secret), or a GKE Secret
// (core/v1/namespaces/ns/secrets/s: ns/s).
func gcpSecret(resourceName, tenant string) event.Secret {
	name := pathSegment(resourceName, "secrets")
	if ns := pathSegment(resourceName, "namespaces"); ns != "" {
		return event.Secret{ID: ns + "/" + name, Name: name, Tenant: tenant}
	}
	project := firstNonEmpty(tenant, pathSegment(resourceName, "projects"))
	return event.Secret{ID: "projects/" + project + "/secrets/" + name, Name: name, Tenant: tenant}
}

// gcpActedOn is the credential an IAM call mints or changes: a service
// account key by its id (CreateServiceAccountKey names it in its response),
// owned by the account; an impersonated account's short-lived token, not
// logged, by its account alone. The account is named by address where the
// entry has it (the request, the response, resource.labels.email_id), not
// by its unique id. A key minted successfully was created at the event's
// time.
func (r *reader) gcpActedOn(n gcpNames, ev *event.Event) event.Token {
	response := r.str(r.obj(n.payload, "response", "protoPayload.response"), "name", "protoPayload.response.name", r.limits.MaxString)
	request := r.str(r.obj(n.payload, "request", "protoPayload.request"), "name", "protoPayload.request.name", r.limits.MaxString)
	email := r.str(n.labels, "email_id", "resource.labels.email_id", r.limits.MaxString)
	var t event.Token
	for _, name := range []string{response, request, n.resourceName} {
		if t.ID == "" && strings.Contains(name, "/keys/") && (ev.Action != "token.create" || name == response) {
			t.ID = gcpKeyID(name)
		}
		if account := pathSegment(name, "serviceAccounts"); t.Owner == "" || (!strings.Contains(t.Owner, "@") && strings.Contains(account, "@")) {
			t.Owner = account
		}
	}
	if !strings.Contains(t.Owner, "@") && email != "" {
		t.Owner = email
	}
	t.Tenant = firstNonEmpty(gcpServiceAccountProject(t.Owner), ev.Tenant)
	if t.ID != "" && ev.Action == "token.create" && ev.Outcome == "success" {
		t.CreatedAt = ev.Time
	}
	if t.ID == "" && t.Owner == "" {
		return event.Token{}
	}
	return t
}
