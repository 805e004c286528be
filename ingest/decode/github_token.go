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
	hashed := r.str(v, "hashed_token", "hashed_token", r.limits.MaxString)
	tokenID := r.ghScalar(v, "token_id", "token_id")
	access := r.str(v, "programmatic_access_type", "programmatic_access_type", r.limits.MaxString)
	setAttr(ev, "github.programmatic_access_type", access)
	setAttr(ev, "github.token_id", tokenID)
	switch ev.Action {
	case "token.leak_reported":
		setAttr(ev, "github.hashed_token", hashed)
		return
	case "token.create", "token.revoke":
		setAttr(ev, "github.hashed_token", hashed)
		if tokenID != "" {
			ev.Token = event.Token{ID: "github_token:" + tokenID, Owner: firstNonEmpty(r.str(v, "user", "user", r.limits.MaxString), ev.Actor.ID)}
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
	ev.Token = event.Token{ID: id, Kind: kind, Scopes: r.gitHubScopes(v)}
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

// gitHubScopes splits token_scopes ("repo,admin:org") into scopes.
func (r *reader) gitHubScopes(v *fastjson.Value) []string {
	x := v.Get("token_scopes")
	if x != nil && x.Type() == fastjson.TypeArray {
		return r.strList(v, "token_scopes", "token_scopes")
	}
	var out []string
	for s := range strings.SplitSeq(r.str(v, "token_scopes", "token_scopes", r.limits.MaxText), ",") {
		if s = strings.TrimSpace(s); s != "" && len(out) < r.limits.MaxList {
			out = append(out, s)
		}
	}
	return out
}

// ghScalar reads an id GitHub writes as a number or a string ("51111" either
// way); 0, "0" and null are none.
func (r *reader) ghScalar(v *fastjson.Value, key, path string) string {
	x := v.Get(key)
	if x == nil {
		return ""
	}
	var s string
	switch x.Type() {
	case fastjson.TypeNumber:
		s = r.ghNumber(x, path)
	case fastjson.TypeString:
		s = r.str(v, key, path, r.limits.MaxString)
	case fastjson.TypeNull:
	default:
		r.fail(fieldErr(path, ReasonType, "must be a string or a number, got %s", x.Type()))
	}
	if s == "0" {
		return ""
	}
	return s
}
