package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// graphRequest is a Microsoft Graph activity record as a diagnostic
// setting exports it: an application's token (issued at 15:02) reading a
// user's mail from 185.220.101.4, changed by changes.
func graphRequest(changes ...func(obj)) string {
	return withChanges(obj{
		"time": "2026-11-20T15:20:31.1234567Z", "resourceId": "/TENANTS/5B7C-DIR/PROVIDERS/MICROSOFT.AADIAM",
		"operationName": "Microsoft Graph Activity", "category": "MicrosoftGraphActivityLogs", "resultSignature": "200",
		"callerIpAddress": "185.220.101.4", "correlationId": "req-1", "level": "Informational", "location": "West Europe",
		"properties": obj{"requestId": "req-1", "requestMethod": "GET", "responseStatusCode": 200, "tenantId": "5b7c-dir",
			"signInActivityId": "uti-mi-77", "roles": "User.Read.All Mail.Read", "tokenIssuedAt": "2026-11-20T15:02:11Z",
			"ipAddress": "185.220.101.4", "userAgent": "python-requests/2.32.3", "appId": "mi-client-1", "servicePrincipalId": "mi-object-1",
			"requestUri": "https://graph.microsoft.com/v1.0/users/c0ffee/messages?$top=50", "clientAuthMethod": 2},
	}, changes)
}

// TestAzureGraphActivity: a request to Microsoft Graph is the use of the
// access token it presented, named as its sign-in named it (uti), by an
// app or a user, from any address, whatever its status.
func TestAzureGraphActivity(t *testing.T) {
	cases := []adapterCase{
		{name: "an app's token", msg: graphRequest(), want: map[string]string{"id": "req-1", "action": "token.use", "outcome": "success",
			"tenant": "5b7c-dir", "actor.id": "mi-client-1", "actor.type": "service", "token.id": "uti-mi-77", "token.kind": "session",
			"token.scopes": "User.Read.All,Mail.Read", "token.created_at": "2026-11-20T15:02:11Z", "token.owner": "mi-client-1",
			"source.ip": "185.220.101.4", "resource.id": "https://graph.microsoft.com/v1.0/users/c0ffee/messages?$top=50",
			"attrs.azure.request_method": "GET", "attrs.azure.object_id": "mi-object-1", "attrs.azure.result": "", "warnings": ""}},
		{name: "a user's token", msg: graphRequest(set("properties.userId", "u-carol"), set("properties.scopes", "Mail.ReadWrite"),
			set("properties.roles", remove)), want: map[string]string{"actor.id": "u-carol", "actor.type": "user", "token.owner": "u-carol",
			"token.scopes": "Mail.ReadWrite", "attrs.azure.object_id": "u-carol"}},
		{name: "forbidden", msg: graphRequest(set("properties.responseStatusCode", 403)),
			want: map[string]string{"outcome": "denied", "attrs.azure.result": "403"}},
		{name: "throttled", msg: graphRequest(set("properties.responseStatusCode", 429)),
			want: map[string]string{"outcome": "failure", "attrs.azure.result": "429"}},
		{name: "no status", msg: graphRequest(set("properties.responseStatusCode", remove)), want: map[string]string{"outcome": "unknown"}},
		{name: "no sign-in id", msg: graphRequest(set("properties.signInActivityId", remove)),
			want: map[string]string{"action": "token.use", "token.id": "", "token.scopes": ""}},
		{name: "IPv6", msg: graphRequest(set("properties.ipAddress", "2a01:111:f400::9")), want: map[string]string{"source.ip": "2a01:111:f400::9"}},
		{name: "tenant from the resource id", msg: graphRequest(set("properties.tenantId", remove)), want: map[string]string{"tenant": "5b7c-dir"}},
		{name: "a Log Analytics row", msg: withChanges(obj{"TimeGenerated": "2026-11-20T15:20:31Z", "Type": "MicrosoftGraphActivityLogs",
			"OperationName": "Microsoft Graph Activity", "TenantId": "workspace-9", "AadTenantId": "5B7C-DIR", "RequestId": "req-la",
			"ResponseStatusCode": 200, "SignInActivityId": "uti-la", "Scopes": "Directory.Read.All", "TokenIssuedAt": "2026-11-20T15:00:00Z",
			"IPAddress": "203.0.113.9", "UserId": "u-dana", "AppId": "de8bc8b5"}, nil),
			want: map[string]string{"id": "req-la", "tenant": "5b7c-dir", "actor.id": "u-dana", "token.id": "uti-la",
				"token.created_at": "2026-11-20T15:00:00Z", "source.ip": "203.0.113.9", "token.scopes": "Directory.Read.All"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
}
