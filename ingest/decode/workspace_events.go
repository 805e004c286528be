package decode

import (
	"strconv"
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// workspaceParams reads an event's parameters: [{name, value | intValue |
// boolValue | multiValue}].
type workspaceParams struct {
	r     *reader
	items []*fastjson.Value
	path  string
}

// find is the parameter called name and its path, nil when absent.
func (p workspaceParams) find(name string) (*fastjson.Value, string) {
	for i, x := range p.items {
		if x.Type() == fastjson.TypeObject && string(x.GetStringBytes("name")) == name {
			return x, p.path + "[" + strconv.Itoa(i) + "]"
		}
	}
	return nil, ""
}

// str is a parameter's value, intValue (text or number) or boolValue as text.
func (p workspaceParams) str(name string) string {
	x, path := p.find(name)
	switch {
	case x == nil:
		return ""
	case x.Get("value") != nil:
		return p.r.scalarText(x, "value", path+".value")
	case x.Get("intValue") != nil:
		return p.r.scalarText(x, "intValue", path+".intValue")
	case x.Get("boolValue") != nil:
		return strconv.FormatBool(x.GetBool("boolValue"))
	}
	return ""
}

// list is a parameter's multiValue (or its single value).
func (p workspaceParams) list(name string) []string {
	x, path := p.find(name)
	if x == nil {
		return nil
	}
	if x.Get("multiValue") != nil {
		return p.r.strList(x, "multiValue", path+".multiValue")
	}
	if s := p.str(name); s != "" {
		return []string{s}
	}
	return nil
}

// workspaceToken maps the OAuth token audit. The credential is a third
// party app's grant of a user's data, google_oauth:<client_id>:<user>,
// owned by the user: authorize grants it (token.grant, with the scopes
// granted: not token.create, since a grant is made in the user's browser
// and used from the app's servers by design, which minted_then_used_elsewhere
// would take for a theft), revoke ends it, activity is a call the app made
// with it (its method the operation: token.use). A request for access
// names no grant.
func (r *reader) workspaceToken(p workspaceParams, name string, ev *event.Event) {
	client, method := p.str("client_id"), p.str("method_name")
	for _, a := range [][2]string{{"workspace.client_id", client}, {"workspace.app_name", p.str("app_name")},
		{"workspace.api_name", p.str("api_name")}, {"workspace.method_name", method}, {"workspace.client_type", p.str("client_type")},
		{"workspace.response_bytes", p.str("num_response_bytes")}} {
		setAttr(ev, a[0], a[1])
	}
	switch name {
	case "authorize":
		ev.Action = "token.grant"
	case "revoke":
		ev.Action = "token.revoke"
	case "activity":
		ev.Action = firstNonEmpty(method, ev.Action)
	default:
		return
	}
	if client == "" || ev.Actor.ID == "" {
		return
	}
	ev.Token = event.Token{ID: "google_oauth:" + client + ":" + ev.Actor.ID, Kind: "oauth", Owner: ev.Actor.ID, Scopes: p.list("scope")}
	if ev.Action == "token.grant" {
		ev.Token.CreatedAt = ev.Time
	}
}

// workspaceLogin maps the login audit: login_success and login_failure are
// sign-ins, a challenge or verification is auth.challenge (passed or
// failed as login_challenge_status says), logout auth.logoff; Google's
// warnings (suspicious_login, account_disabled_*, gov_attack_warning) keep
// their names. How and why go to attrs.
func workspaceLogin(p workspaceParams, name string, ev *event.Event) {
	setAttr(ev, "workspace.login_type", p.str("login_type"))
	setAttr(ev, "workspace.login_failure_type", p.str("login_failure_type"))
	setAttr(ev, "workspace.challenge_method", strings.Join(p.list("login_challenge_method"), ","))
	if strings.EqualFold(p.str("is_suspicious"), "true") {
		setAttr(ev, "workspace.suspicious", "true")
	}
	switch name {
	case "login_success":
		ev.Action = "auth.logon"
	case "login_failure":
		ev.Action, ev.Outcome = "auth.logon", "failure"
	case "logout":
		ev.Action = "auth.logoff"
	case "login_challenge", "login_verification":
		ev.Action, ev.Outcome = "auth.challenge", event.OutcomeUnknown
		switch status := strings.ToLower(p.str("login_challenge_status")); {
		case strings.Contains(status, "passed"):
			ev.Outcome = "success"
		case strings.Contains(status, "failed"):
			ev.Outcome = "failure"
		}
	}
}
