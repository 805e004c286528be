package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// vaultIdentity sets the actor (the entry's auth: who called, or who logged
// in) and the token the event is about: the caller's own, the one a create
// or login minted (response.auth, else the login's auth), or the one named
// by request.data.accessor. A token named only by its value (revoke,
// lookup) is not copied; the caller's accessor then goes to attrs.
func (r *reader) vaultIdentity(ev *event.Event, v *fastjson.Value, t vaultTarget) {
	auth := r.obj(v, "auth", "auth")
	who := r.vaultNames(auth, "auth")
	r.vaultActor(ev, auth, who)
	tok, tokPath, caller := auth, "auth", auth
	switch t.auth {
	case authNew:
		tok, tokPath = r.obj(r.obj(v, "response", "response"), "auth", "response.auth"), "response.auth"
		if tok == nil && t.login {
			tok, tokPath = auth, "auth"
		}
		if t.login {
			caller = nil
		}
	case authAccessor:
		tok = nil
		data := r.obj(r.obj(v, "request", "request"), "data", "request.data")
		ev.Token.ID = r.str(data, "accessor", "request.data.accessor", r.limits.MaxString)
	case authByValue:
		tok = nil
	default:
		caller = nil
	}
	if tok != auth {
		who = r.vaultNames(tok, tokPath)
	}
	r.vaultToken(ev, tok, tokPath, who)
	if t.auth == authCaller && auth.Get("accessor") == nil && auth.Get("client_token") == nil {
		r.vaultRequestToken(ev, r.obj(v, "request", "request"))
	}
	if caller != nil {
		setAttr(ev, "vault.caller_accessor", r.str(caller, "accessor", "auth.accessor", r.limits.MaxString))
	}
	if ev.Resource.Type == "token" {
		ev.Resource.ID = ev.Token.ID
	}
}

// vaultActor: display_name, else entity_id; an AppRole login's display_name
// is "approle" for every role, so its actor is "approle:<role_name>" (the
// payments service is not the CI pipeline). A service when the auth
// method's metadata names a machine identity (AppRole's role_name,
// Kubernetes' service_account_name, an AWS IAM role ARN), else a user: an
// OIDC or JWT "role" alone is a human's login role, as Vault's own examples
// show, and token_type says nothing of who holds the token. No identity at
// all (a failed login, sys/generate-root) is anonymous.
func (r *reader) vaultActor(ev *event.Event, a *fastjson.Value, who vaultNames) {
	n := r.limits.MaxString
	ev.Actor.ID = firstNonEmpty(who.display, who.entity)
	meta := r.obj(a, "metadata", "auth.metadata")
	roleName := r.str(meta, "role_name", "auth.metadata.role_name", n)
	sa := r.str(meta, "service_account_name", "auth.metadata.service_account_name", n)
	arn := r.str(meta, "canonical_arn", "auth.metadata.canonical_arn", n)
	if ev.Actor.ID == "approle" && roleName != "" {
		ev.Actor.ID = "approle:" + roleName
	}
	switch {
	case ev.Actor.ID == "":
		ev.Actor.Type = event.ActorAnonymous
	case roleName != "" || sa != "" || strings.Contains(arn, ":role/"):
		ev.Actor.Type = "service"
	default:
		ev.Actor.Type = "user"
	}
	setAttr(ev, "vault.role", firstNonEmpty(roleName, r.str(meta, "role", "auth.metadata.role", n)))
	if sa != "" {
		saNS := r.str(meta, "service_account_namespace", "auth.metadata.service_account_namespace", n)
		setAttr(ev, "vault.service_account", strings.TrimPrefix(saNS+"/"+sa, "/"))
	}
}
