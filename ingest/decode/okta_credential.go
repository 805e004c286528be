package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// oktaCredential names the credential a LogEvent created, used or ended.
//   - An API token's creation or revocation (system.api_token.*): its id,
//     the Token target's (00T…), owned by the admin it acts as.
//   - An OAuth token granted (app.oauth2[.as].token.grant.access_token or
//     refresh_token) or revoked: the token target's id, owned by the
//     user it was granted for (else the client), with the granted scopes.
//   - A request made with an API token (transaction.detail's
//     rootApiTokenId, else requestApiTokenId): token.use of that token.
//   - Otherwise a user's Okta session (authenticationContext's
//     rootSessionId, which stays the same across the sign-in's step-up
//     and the session's later ids, else externalSessionId): opened by
//     user.session.start, ended by user.session.end, used by the rest.
//
// An event naming no credential keeps its eventType as its action.
func (r *reader) oktaCredential(v, tx *fastjson.Value, targets []oktaTarget, ev *event.Event) {
	debug := r.obj(r.obj(v, "debugContext", "debugContext"), "debugData", "debugContext.debugData")
	r.oktaDebug(debug, ev)
	session := r.oktaSession(v, ev)
	kind, verb := oktaTokenEvent(ev.Action)
	switch {
	case kind == "api_token":
		oktaAPIToken(targets, verb, ev)
	case kind == "oauth":
		r.oktaOAuthToken(targets, debug, verb, ev)
	case r.oktaRequestToken(tx, ev), r.oktaEndedSession(debug, targets, ev):
	case session != "" && ev.Actor.Type == "user":
		oktaSessionToken(session, ev)
	}
	oktaResource(targets, ev)
	if ev.Action == "token.create" && ev.Outcome == "success" && ev.Token.ID != "" {
		ev.Token.CreatedAt = ev.Time
	}
}

// oktaTokenEvent tells the events that create or revoke a credential, or
// see a refresh token reused: kind is api_token or oauth, verb create,
// revoke or reuse ("" otherwise).
func oktaTokenEvent(eventType string) (kind, verb string) {
	t := strings.ToLower(eventType)
	switch {
	case t == "system.api_token.create":
		return "api_token", "create"
	case t == "system.api_token.revoke":
		return "api_token", "revoke"
	case !strings.HasPrefix(t, "app.oauth2.token.") && !strings.HasPrefix(t, "app.oauth2.as.token."):
		return "", ""
	case strings.HasSuffix(t, ".grant.access_token"), strings.HasSuffix(t, ".grant.refresh_token"):
		return "oauth", "create"
	case strings.HasSuffix(t, ".token.revoke"):
		return "oauth", "revoke"
	case strings.HasSuffix(t, ".detect_reuse"):
		return "oauth", "reuse"
	}
	return "", ""
}

// oktaAPIToken maps an API token's creation or revocation.
func oktaAPIToken(targets []oktaTarget, verb string, ev *event.Event) {
	ev.Action = "token." + verb
	t, ok := oktaFind(targets, "Token")
	if !ok || t.id == "" {
		return
	}
	ev.Token = event.Token{ID: t.id, Owner: ev.Actor.ID}
	setAttr(ev, "okta.token_name", t.name)
}

// oktaRequestToken maps a request made with an API token and reports
// whether it was one: the token acts as the admin who made it.
func (r *reader) oktaRequestToken(tx *fastjson.Value, ev *event.Event) bool {
	detail := r.obj(tx, "detail", "transaction.detail")
	root := r.str(detail, "rootApiTokenId", "transaction.detail.rootApiTokenId", r.limits.MaxID)
	req := r.str(detail, "requestApiTokenId", "transaction.detail.requestApiTokenId", r.limits.MaxID)
	id := firstNonEmpty(root, req)
	if id == "" {
		return false
	}
	if req != "" && req != id {
		setAttr(ev, "okta.request_token", req)
	}
	ev.Token = event.Token{ID: id, Owner: ev.Actor.ID}
	if ev.Actor.Type == "service" {
		ev.Token.Kind = "oauth"
	}
	return true
}
