package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// wsActivity is a Google Workspace activity as the Reports API lists it:
// sales-sync (a third party app) reading ana's mail with its OAuth grant
// from 34.102.7.9, changed by changes.
func wsActivity(changes ...func(obj)) string {
	return withChanges(obj{
		"kind": "admin#reports#activity", "etag": `"x/y"`,
		"id":        obj{"time": "2026-11-20T09:12:44.123Z", "uniqueQualifier": "-6709442587437772138", "applicationName": "token", "customerId": "C02umwv6u"},
		"actor":     obj{"email": "ana@acme.example", "profileId": "104236758712134567890", "callerType": "USER"},
		"ipAddress": "34.102.7.9",
		"events": []any{obj{"type": "auth", "name": "activity", "parameters": []any{
			obj{"name": "api_name", "value": "gmail"}, obj{"name": "method_name", "value": "gmail.users.messages.get"},
			obj{"name": "client_id", "value": "923474483785-sqf6.apps.googleusercontent.com"}, obj{"name": "num_response_bytes", "intValue": "48213"},
			obj{"name": "product_bucket", "value": "GMAIL"}, obj{"name": "app_name", "value": "sales-sync"}, obj{"name": "client_type", "value": "WEB"}}}},
	}, changes)
}

// TestWorkspaceOAuthTokens: a third party app's grant of a user's data is
// created, used and revoked under one id, whoever the user and wherever
// the app calls from, as the API lists it or a collector splits it.
func TestWorkspaceOAuthTokens(t *testing.T) {
	grant := "google_oauth:923474483785-sqf6.apps.googleusercontent.com:ana@acme.example"
	authorize := set("events", []any{obj{"type": "auth", "name": "authorize", "parameters": []any{
		obj{"name": "client_id", "value": "923474483785-sqf6.apps.googleusercontent.com"}, obj{"name": "app_name", "value": "sales-sync"},
		obj{"name": "scope", "multiValue": []any{"https://www.googleapis.com/auth/gmail.readonly", "https://www.googleapis.com/auth/userinfo.email"}}}}})
	cases := []adapterCase{
		{name: "mail read with the grant", msg: wsActivity(), want: map[string]string{"id": "-6709442587437772138", "time": "2026-11-20T09:12:44.123Z",
			"tenant": "C02umwv6u", "actor.id": "ana@acme.example", "actor.type": "user", "attrs.operation": "gmail.users.messages.get",
			"token.id": grant, "token.kind": "oauth", "token.owner": "ana@acme.example", "source.ip": "34.102.7.9", "outcome": "success",
			"attrs.workspace.app_name": "sales-sync", "attrs.workspace.response_bytes": "48213", "attrs.workspace.profile_id": "104236758712134567890",
			"format": "google.workspace", "warnings": ""}},
		{name: "granted", msg: wsActivity(authorize), want: map[string]string{"action": "token.grant", "token.id": grant,
			"token.scopes":     "https://www.googleapis.com/auth/gmail.readonly,https://www.googleapis.com/auth/userinfo.email",
			"token.created_at": "2026-11-20T09:12:44.123Z"}},
		{name: "revoked", msg: wsActivity(authorize, func(o obj) { o["events"].([]any)[0].(obj)["name"] = "revoke" }),
			want: map[string]string{"action": "token.revoke", "token.id": grant}},
		{name: "bob's grant from elsewhere", msg: wsActivity(set("actor.email", "bob@acme.example"), set("ipAddress", "2001:db8::9")),
			want: map[string]string{"token.id": "google_oauth:923474483785-sqf6.apps.googleusercontent.com:bob@acme.example", "source.ip": "2001:db8::9"}},
		{name: "split by a collector", msg: wsActivity(func(o obj) { o["events"] = o["events"].([]any)[0] }, set("actor.profileId", 1)),
			want: map[string]string{"attrs.operation": "gmail.users.messages.get", "token.id": grant, "attrs.workspace.profile_id": "1"}},
		{name: "a request names no grant", msg: wsActivity(func(o obj) { o["events"].([]any)[0].(obj)["name"] = "request" }),
			want: map[string]string{"action": "token.request", "token.id": ""}},
		{name: "no kind", msg: wsActivity(set("kind", remove)), want: map[string]string{"format": "google.workspace"}},
		{name: "no customer", msg: wsActivity(set("id.customerId", remove)), want: map[string]string{"tenant": "topic-tenant"}},
		{name: "no time", msg: wsActivity(set("id.time", remove)), errAt: "id.time", errWhy: decode.ReasonMissing},
		{name: "no events", msg: wsActivity(set("events", []any{})), errAt: "events", errWhy: decode.ReasonMissing},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatWorkspace, cases)
}

// TestWorkspaceLogins: the login audit's sign-ins, challenges and
// sign-outs, and a caller by API key.
func TestWorkspaceLogins(t *testing.T) {
	login := func(name string, params ...any) func(obj) {
		return func(o obj) {
			o["id"].(obj)["applicationName"] = "login"
			o["events"] = []any{obj{"type": "login", "name": name, "parameters": params}}
		}
	}
	cases := []adapterCase{
		{name: "signed in", msg: wsActivity(login("login_success", obj{"name": "login_type", "value": "google_password"})),
			want: map[string]string{"action": "auth.logon", "outcome": "success", "token.id": "", "attrs.workspace.login_type": "google_password"}},
		{name: "failed", msg: wsActivity(login("login_failure", obj{"name": "login_failure_type", "value": "login_failure_invalid_password"})),
			want: map[string]string{"action": "auth.logon", "outcome": "failure", "attrs.workspace.login_failure_type": "login_failure_invalid_password"}},
		{name: "challenge failed", msg: wsActivity(login("login_challenge", obj{"name": "login_challenge_status", "value": "Challenge Failed"},
			obj{"name": "login_challenge_method", "multiValue": []any{"password", "idv_preregistered_phone"}})),
			want: map[string]string{"action": "auth.challenge", "outcome": "failure", "attrs.workspace.challenge_method": "password,idv_preregistered_phone"}},
		{name: "signed out", msg: wsActivity(login("logout")), want: map[string]string{"action": "auth.logoff"}},
		{name: "Google's warning", msg: wsActivity(login("suspicious_login", obj{"name": "is_suspicious", "boolValue": true})),
			want: map[string]string{"action": "login.suspicious_login", "attrs.workspace.suspicious": "true"}},
		{name: "by API key", msg: wsActivity(set("actor", obj{"callerType": "KEY", "key": "SYSTEM"})), want: map[string]string{"actor.id": "SYSTEM", "actor.type": "service"}},
	}
	runAdapterCases(t, "", cases)
}

// TestWorkspacePage: a page of activities (activities.list) gives each,
// oldest first.
func TestWorkspacePage(t *testing.T) {
	page := `{"kind":"admin#reports#activities","etag":"e","items":[` + wsActivity(set("id.uniqueQualifier", "2"), set("id.time", "2026-11-20T10:00:00Z")) +
		`,` + wsActivity(set("id.uniqueQualifier", "1")) + `],"nextPageToken":"A:1"}`
	evs, de := decodeAll(t, "", page)
	require.Nil(t, de)
	require.Len(t, evs, 2)
	require.Equal(t, []string{"1", "2"}, []string{evs[0].ID, evs[1].ID})
}
