package decode

import (
	"slices"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// oktaSession reads authenticationContext: the session id (externalSessionId)
// goes to session_id, and the session credential, rootSessionId else
// externalSessionId, is returned ("" for Okta's "unknown"). The credential
// type and provider go to attrs.
func (r *reader) oktaSession(v *fastjson.Value, ev *event.Event) string {
	a := r.obj(v, "authenticationContext", "authenticationContext")
	n := r.limits.MaxID
	external := oktaKnown(r.str(a, "externalSessionId", "authenticationContext.externalSessionId", n))
	root := oktaKnown(r.str(a, "rootSessionId", "authenticationContext.rootSessionId", n))
	ev.SessionID = external
	setAttr(ev, "okta.credential_type", r.str(a, "credentialType", "authenticationContext.credentialType", r.limits.MaxString))
	setAttr(ev, "okta.authentication_provider", r.str(a, "authenticationProvider", "authenticationContext.authenticationProvider", r.limits.MaxString))
	if root != "" && external != "" && root != external {
		setAttr(ev, "okta.root_session", root)
	}
	return firstNonEmpty(root, external)
}

// oktaKnown blanks Okta's word for no value.
func oktaKnown(s string) string {
	switch strings.ToLower(s) {
	case "unknown", "null", "none":
		return ""
	}
	return s
}

// oktaSessionToken maps a user's session: user.session.start opens it
// (token.create), user.session.end ends it (token.revoke; an admin's or
// Okta's ending names it in debugData.endedSessionId and its user in the
// User target), anything else done in it uses it.
func oktaSessionToken(session string, ev *event.Event) {
	ev.Token = event.Token{ID: session, Kind: "session", Owner: ev.Actor.ID}
	switch strings.ToLower(ev.Action) {
	case "user.session.start":
		ev.Action = "token.create"
	case "user.session.end":
		ev.Action = "token.revoke"
	}
}

// oktaEndedSession maps an ending of another's session (Identity Threat
// Protection's universal logout, an admin clearing it): the session in
// debugData.endedSessionId, its user the User target.
func (r *reader) oktaEndedSession(debug *fastjson.Value, targets []oktaTarget, ev *event.Event) bool {
	key := azKey(debug, "endedSessionId", "EndedSessionId")
	ended := oktaKnown(r.str(debug, key, "debugContext.debugData."+key, r.limits.MaxID))
	if ended == "" || !strings.EqualFold(ev.Action, "user.session.end") {
		return false
	}
	ev.Action = "token.revoke"
	ev.Token = event.Token{ID: ended, Kind: "session", Owner: firstNonEmpty(oktaUser(targets), ev.Actor.ID)}
	return true
}

// oktaDebug keeps what debugData says of the request and its risk: the
// request URI, the device token cookie's hash (dtHash, the same browser
// across addresses), Okta's risk and behaviour verdicts, and whether
// ThreatInsight suspected it.
func (r *reader) oktaDebug(debug *fastjson.Value, ev *event.Event) {
	for _, a := range oktaDebugAttrs {
		setAttr(ev, a[0], r.str(debug, a[1], "debugContext.debugData."+a[1], r.limits.MaxText))
	}
	if strings.EqualFold(ev.Attrs["okta.threat_suspected"], "false") {
		delete(ev.Attrs, "okta.threat_suspected")
	}
}

// oktaDebugAttrs are the debugData fields kept: attribute, field.
var oktaDebugAttrs = [][2]string{{"okta.request_uri", "requestUri"}, {"okta.dt_hash", "dtHash"}, {"okta.risk", "risk"},
	{"okta.behaviors", "behaviors"}, {"okta.threat_suspected", "threatSuspected"}, {"okta.grant_type", "grantType"}}

// oktaResource is the first target that is neither the credential, the
// actor nor the factor used (an AuthenticatorEnrollment, kept as
// attrs.okta.authenticator): the app signed into, the user or policy
// acted on.
func oktaResource(targets []oktaTarget, ev *event.Event) {
	if f, ok := oktaFind(targets, "AuthenticatorEnrollment"); ok {
		setAttr(ev, "okta.authenticator", firstNonEmpty(f.name, f.login))
	}
	for _, t := range targets {
		if t.id == "" || t.id == ev.Token.ID || t.id == ev.Attrs["okta.actor_id"] || slices.ContainsFunc(oktaNotResources, func(s string) bool {
			return strings.EqualFold(s, t.typ)
		}) {
			continue
		}
		ev.Resource = event.Resource{ID: t.id}
		setAttr(ev, "okta.target_type", t.typ)
		setAttr(ev, "okta.target_name", firstNonEmpty(t.name, t.login))
		return
	}
}

// oktaNotResources are target types that name how, not what.
var oktaNotResources = []string{"Token", "AuthenticatorEnrollment", "Session", "access_token", "refresh_token"}
