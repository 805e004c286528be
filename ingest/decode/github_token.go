package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gitHubToken maps the credential. The token an entry was performed with is
// its token_id as "github_token:<id>", as the entries that create or revoke
// it name it (so a token minted and then used elsewhere is one credential,
// and an organisation revokes a fine-grained token by that id), else its
// hashed_token (base64 SHA-256 of it, as GitHub writes it; kept in attrs
// beside a token_id). A secret scanning alert's leaked credential is named
// by neither, so those leave token empty (the hash stays in attrs).
func (r *reader) gitHubToken(v *fastjson.Value, ev *event.Event) {
	src, at := gitHubTokenFields(v)
	hashed := r.str(src, "hashed_token", at+"hashed_token", r.limits.MaxString)
	tokenID := r.scalarText(src, "token_id", at+"token_id")
	access := r.str(src, "programmatic_access_type", at+"programmatic_access_type", r.limits.MaxString)
	setAttr(ev, "github.programmatic_access_type", access)
	setAttr(ev, "github.token_id", tokenID)
	switch ev.Action {
	case "token.leak_reported":
		setAttr(ev, "github.hashed_token", hashed)
		return
	case "token.create", "token.revoke":
		setAttr(ev, "github.hashed_token", hashed)
		id := ""
		if src.Get("token_last_eight") != nil { // Enterprise Server names the token acted on by its hash, as its uses do
			id = hashed
		}
		if tokenID != "" {
			id = "github_token:" + tokenID
		}
		if id != "" {
			ev.Token = event.Token{ID: id, Owner: firstNonEmpty(r.str(v, "user", "user", r.limits.MaxString), ev.Actor.ID),
				Scopes: r.gitHubScopes(src, at)}
		}
		return
	}
	id := hashed
	if tokenID != "" { // as the token's creation and revocation name it
		id = "github_token:" + tokenID
		setAttr(ev, "github.hashed_token", hashed)
	}
	if id == "" {
		return
	}
	kind, personal := gitHubTokenKind(access)
	ev.Token = event.Token{ID: id, Kind: kind, Scopes: r.gitHubScopes(src, at)}
	if personal {
		ev.Token.Owner = ev.Actor.ID
	}
}

// gitHubTokenKind maps programmatic_access_type: a fine-grained personal
// access token is fine_grained; OAuth tokens and GitHub App user-to-server
// tokens are oauth; a classic personal access token has no kind the
// contract names (it is neither read-only nor one org's). personal reports
// a token that acts as the user who holds it.
func gitHubTokenKind(access string) (kind string, personal bool) {
	switch a := strings.ToLower(access); {
	case strings.Contains(a, "fine-grained"):
		return "fine_grained", true
	case strings.Contains(a, "oauth"), strings.Contains(a, "user-to-server"):
		return "oauth", true
	case strings.Contains(a, "personal access token"):
		return "", true
	}
	return "", false
}

// gitHubTokenFields is where an entry names its token: at the top, or (GitHub
// Enterprise Server's audit log) in data; at is the path's prefix.
func gitHubTokenFields(v *fastjson.Value) (src *fastjson.Value, at string) {
	if v.Get("hashed_token") != nil || v.Get("token_id") != nil {
		return v, ""
	}
	if d := v.Get("data"); d != nil && d.Type() == fastjson.TypeObject && (d.Get("hashed_token") != nil || d.Get("token_id") != nil) {
		return d, "data."
	}
	return v, ""
}

// gitHubScopes splits token_scopes ("repo,admin:org") into scopes; an array
// of them (token_scopes, or Enterprise Server's scopes) is taken as it is.
func (r *reader) gitHubScopes(v *fastjson.Value, at string) []string {
	key := "token_scopes"
	if v.Get(key) == nil && v.Get("scopes") != nil {
		key = "scopes"
	}
	x := v.Get(key)
	if x != nil && x.Type() == fastjson.TypeArray {
		return r.strList(v, key, at+key)
	}
	var out []string
	for s := range strings.SplitSeq(r.str(v, key, at+key, r.limits.MaxText), ",") {
		if s = strings.TrimSpace(s); s != "" && len(out) < r.limits.MaxList {
			out = append(out, s)
		}
	}
	return out
}
