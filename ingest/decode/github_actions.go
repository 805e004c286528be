package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gitHubActions maps GitHub actions that mean a catalogue action; every
// other action is kept as GitHub names it ("git.clone", "api.request").
var gitHubActions = map[string]string{
	"secret_scanning_alert.create":           "token.leak_reported",
	"secret_scanning_push_protection.bypass": "token.leak_reported",
	"personal_access_token.access_granted":   "token.create",
	"personal_access_token.request_created":  "token.create",
	"oauth_access.create":                    "token.create",
	"personal_access_token.access_revoked":   "token.revoke",
	"oauth_access.destroy":                   "token.revoke",
	"oauth_authorization.destroy":            "token.revoke",
	"hook.create":                            "webhook.create",
	"org.add_member":                         "org.member_add",
}

// gitHubSecretVerbs map the verb of a secret action, at any scope (org.,
// repo., environment., codespaces.), to the catalogue: Actions secrets,
// Dependabot and Codespaces ("integration") secrets.
var gitHubSecretVerbs = map[string]string{
	"create_actions_secret": "secret.create", "update_actions_secret": "secret.update", "remove_actions_secret": "secret.delete",
	"create_integration_secret": "secret.create", "update_integration_secret": "secret.update", "remove_integration_secret": "secret.delete",
	"create_an_org_secret": "secret.create", "update_an_org_secret": "secret.update", "remove_an_org_secret": "secret.delete",
}

// gitHubAction returns the catalogue action of a GitHub action, if any.
func gitHubAction(action string) (string, bool) {
	if a, ok := gitHubActions[action]; ok {
		return a, true
	}
	if i := strings.IndexByte(action, '.'); i >= 0 {
		a, ok := gitHubSecretVerbs[action[i+1:]]
		return a, ok
	}
	return "", false
}

// gitHubSubject maps what a catalogue action acted on: the secret (named
// by secret_name, else name, qualified by its repository or organization:
// "acme/api/NPM_TOKEN"), or a leak report's secret type and alert number.
func (r *reader) gitHubSubject(v *fastjson.Value, ev *event.Event) {
	switch {
	case strings.HasPrefix(ev.Action, "secret."):
		name := firstNonEmpty(r.str(v, "secret_name", "secret_name", r.limits.MaxString), r.str(v, "name", "name", r.limits.MaxString))
		if name == "" {
			return
		}
		scope := firstNonEmpty(ev.Resource.ID, ev.Tenant)
		if env := r.str(v, "environment_name", "environment_name", r.limits.MaxString); env != "" {
			scope += "/" + env
		}
		ev.Secret = event.Secret{ID: strings.TrimPrefix(scope+"/"+name, "/"), Name: name}
	case ev.Action == "token.leak_reported":
		setAttr(ev, "github.secret_type", r.str(v, "secret_type", "secret_type", r.limits.MaxString))
		setAttr(ev, "github.alert_number", r.scalarText(v, "number", "number"))
	}
}
