package decode_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// laSignIn is a Log Analytics SigninLogs row of alice's sign-in, as a
// workspace's data export sends it: PascalCase columns at the top, the
// workspace's TenantId beside the directory's AADTenantId.
func laSignIn(changes ...func(obj)) string {
	return withChanges(obj{
		"TimeGenerated": "2026-11-23T07:12:44.0Z", "OperationName": "Sign-in activity", "Category": "SignInLogs", "Type": "SigninLogs",
		"ResultType": "0", "CorrelationId": "c-la", "Identity": "Alice Example", "Id": "si-la-1", "UserPrincipalName": "alice@acme.example",
		"UserId": "u-alice", "AppId": "04b07795", "AppDisplayName": "Microsoft Azure CLI", "IPAddress": "203.0.113.9",
		"Status": obj{"errorCode": 0}, "LocationDetails": obj{"countryOrRegion": "GB", "geoCoordinates": obj{"latitude": 51.5, "longitude": -0.12}},
		"AutonomousSystemNumber": "2856", "SessionId": "sess-la", "IncomingTokenType": "none", "HomeTenantId": "t-acme",
		"ResourceTenantId": "t-acme", "TenantId": "workspace-9", "AADTenantId": "t-acme", "ResourceIdentity": "797f4846",
		"ResourceId": "/tenants/t-acme/providers/Microsoft.aadiam", "UniqueTokenIdentifier": "uti-la", "UserAgent": "python-requests/2.32",
	}, changes)
}

// TestAzureSignInLogAnalyticsRows: the sign-in tables' rows map as the
// diagnostic records do, whether their objects are objects or JSON text
// (AADNonInteractiveUserSignInLogs) and with or without a resource id.
func TestAzureSignInLogAnalyticsRows(t *testing.T) {
	cases := []adapterCase{
		{name: "SigninLogs", msg: laSignIn(), want: map[string]string{"id": "si-la-1", "action": "token.create", "outcome": "success",
			"tenant": "t-acme", "actor.id": "alice@acme.example", "token.id": "sess-la", "source.ip": "203.0.113.9", "source.asn": "2856",
			"source.country": "GB", "source.lat": "51.5", "resource.id": "797f4846", "source.user_agent": "python-requests/2.32",
			"attrs.azure.app_name": "Microsoft Azure CLI", "warnings": ""}},
		{name: "non-interactive, objects as text", msg: laSignIn(set("Type", "AADNonInteractiveUserSignInLogs"),
			set("Category", "NonInteractiveUserSignInLogs"), set("Status", `{"errorCode":50173,"failureReason":"The provided grant has expired."}`),
			set("LocationDetails", `{"countryOrRegion":"RU","geoCoordinates":{"latitude":55.75,"longitude":37.6}}`), set("IncomingTokenType", "refreshToken")),
			want: map[string]string{"action": "token.use", "outcome": "failure", "attrs.azure.result": "50173",
				"attrs.azure.failure": "The provided grant has expired.", "source.country": "RU", "source.lon": "37.6"}},
		{name: "service principal table", msg: laSignIn(set("Type", "AADServicePrincipalSignInLogs"), set("Category", "ServicePrincipalSignInLogs"),
			set("UserPrincipalName", remove), set("ServicePrincipalId", "sp-9"), set("ServicePrincipalCredentialKeyId", "key-9")),
			want: map[string]string{"action": "token.use", "actor.id": "04b07795", "actor.type": "service", "token.id": "key-9"}},
		{name: "no resource tenant: the directory's, not the workspace's", msg: laSignIn(set("ResourceTenantId", remove),
			set("HomeTenantId", remove)), want: map[string]string{"tenant": "t-acme"}},
		{name: "no resource id, told by its table", msg: laSignIn(set("ResourceId", remove)),
			want: map[string]string{"action": "token.create", "format": "azure.monitor"}},
		{name: "location text that is no object", msg: laSignIn(set("LocationDetails", "London")),
			want: map[string]string{"source.country": "", "warnings": "LocationDetails:wrong_type"}},
		{name: "no time", msg: laSignIn(set("TimeGenerated", remove)), errAt: "time", errWhy: decode.ReasonMissing},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
}

// graphSignIn is a Microsoft Graph signIn resource (/auditLogs/signIns) of
// carol's sign-in: no operationName, no category, createdDateTime.
func graphSignIn(changes ...func(obj)) string {
	return withChanges(obj{
		"id": "66ea54eb-6301-4ee5-be62-ff5a759b0100", "createdDateTime": "2026-11-21T19:49:26Z", "userDisplayName": "Carol Diaz",
		"userPrincipalName": "carol@acme.example", "userId": "u-carol", "appId": "de8bc8b5", "appDisplayName": "Office 365",
		"ipAddress": "131.107.159.37", "clientAppUsed": "Browser", "correlationId": "c-graph", "conditionalAccessStatus": "notApplied",
		"isInteractive": true, "riskDetail": "none", "riskLevelDuringSignIn": "none", "resourceDisplayName": "Office 365 SharePoint Online",
		"resourceId": "00000003-0000-0ff1-ce00-000000000000", "status": obj{"errorCode": 0, "failureReason": "Other.", "additionalDetails": nil},
		"deviceDetail":                     obj{"operatingSystem": "Windows 10", "browser": "Edge 80.0.361"},
		"location":                         obj{"city": "Redmond", "state": "Washington", "countryOrRegion": "US", "geoCoordinates": obj{"latitude": 47.68, "longitude": -122.12}},
		"appliedConditionalAccessPolicies": []any{},
	}, changes)
}

// TestAzureGraphSignIns: Microsoft Graph's signIn resource, alone or as a
// page ({"@odata.context": …, "value": [...]}), maps as the logs do; v1.0
// tells a user's non-interactive sign-in by isInteractive, beta by
// signInEventTypes.
func TestAzureGraphSignIns(t *testing.T) {
	cases := []adapterCase{
		{name: "v1.0, interactive, no session", msg: graphSignIn(), want: map[string]string{"id": "66ea54eb-6301-4ee5-be62-ff5a759b0100",
			"time": "2026-11-21T19:49:26Z", "action": "auth.logon", "outcome": "success", "actor.id": "carol@acme.example",
			"tenant": "topic-tenant", "source.ip": "131.107.159.37", "source.country": "US", "attrs.azure.operation": "Sign-in activity",
			"attrs.azure.failure": "", "format": "azure.monitor"}},
		{name: "beta, session opened", msg: graphSignIn(set("sessionId", "sess-g"), set("resourceTenantId", "t-acme"),
			set("signInEventTypes", []string{"interactiveUser"})), want: map[string]string{"action": "token.create", "token.id": "sess-g", "tenant": "t-acme"}},
		{name: "v1.0, not interactive", msg: graphSignIn(set("isInteractive", false), set("sessionId", "sess-g")),
			want: map[string]string{"action": "token.use", "token.id": "sess-g"}},
		{name: "beta, a service principal", msg: graphSignIn(set("userPrincipalName", remove), set("userId", remove),
			set("signInEventTypes", []string{"servicePrincipal"}), set("servicePrincipalCredentialKeyId", "key-g")),
			want: map[string]string{"action": "token.use", "actor.id": "de8bc8b5", "actor.type": "service", "token.id": "key-g"}},
		{name: "failed", msg: graphSignIn(set("status", obj{"errorCode": 50126, "failureReason": "Invalid username or password."})),
			want: map[string]string{"outcome": "failure", "attrs.azure.result": "50126"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
	page := `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/signIns","value":[` +
		graphSignIn() + "," + graphSignIn(set("id", "older"), set("createdDateTime", "2026-11-21T19:40:00Z"),
		set("isInteractive", false), set("sessionId", "s2")) + `]}`
	for _, format := range []string{"", decode.FormatAzure} {
		evs, de := decodeAll(t, format, page)
		require.Nil(t, de)
		require.Len(t, evs, 2)
		require.Equal(t, []string{"token.use", "auth.logon"}, []string{evs[0].Action, evs[1].Action}, "oldest first")
	}
}
