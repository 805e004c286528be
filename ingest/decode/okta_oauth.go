package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// oktaTokenTargets are the target types that name an OAuth token.
var oktaTokenTargets = []string{"access_token", "refresh_token", "AccessToken", "RefreshToken"}

// oktaOAuthToken maps an OAuth token granted (token.create), revoked
// (token.revoke) or a refresh token's reuse detected (Okta revoked the
// token's family: token.use, its outcome the event's, with
// attrs.okta.reuse_detected). The token is its target by id, else by the
// hash Okta logs of it; its owner is the user it was granted for (the
// User target, else detailEntry.subject), else the client; its scopes are
// debugData.grantedScopes.
func (r *reader) oktaOAuthToken(targets []oktaTarget, debug *fastjson.Value, verb string, ev *event.Event) {
	ev.Action = "token." + verb
	if verb == "reuse" {
		ev.Action = "token.use"
		setAttr(ev, "okta.reuse_detected", "true")
	}
	t, ok := oktaFind(targets, oktaTokenTargets...)
	if !ok {
		return
	}
	subject := r.str(t.detail, "subject", t.path+".detailEntry.subject", r.limits.MaxString)
	hash := r.str(t.detail, "hash", t.path+".detailEntry.hash", r.limits.MaxString)
	id := t.id
	if id == "" && hash != "" {
		id = "okta_token_hash:" + hash
	}
	if id == "" {
		return
	}
	ev.Token = event.Token{ID: id, Kind: "oauth", Owner: firstNonEmpty(oktaUser(targets), subject, ev.Actor.ID),
		Scopes: r.oktaScopes(debug)}
	setAttr(ev, "okta.token_type", t.typ)
	setAttr(ev, "okta.token_expires", r.str(t.detail, "expires", t.path+".detailEntry.expires", r.limits.MaxString))
}

// oktaScopes splits debugData.grantedScopes ("openid, profile" or
// "openid profile").
func (r *reader) oktaScopes(debug *fastjson.Value) []string {
	s := r.str(debug, "grantedScopes", "debugContext.debugData.grantedScopes", r.limits.MaxText)
	var out []string
	for _, f := range strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == ' ' }) {
		if len(out) == r.limits.MaxList {
			break
		}
		out = append(out, f)
	}
	return out
}
