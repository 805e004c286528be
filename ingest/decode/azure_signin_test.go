package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// spSignIn is an Entra ID service principal sign-in as a diagnostic
// setting exports it: deploy-bot's client secret used from 203.0.113.77
// (AS 8075, the Netherlands), changed by changes.
func spSignIn(changes ...func(obj)) string {
	return withChanges(obj{
		"time": "2026-11-20T10:15:42.1234567Z", "resourceId": "/tenants/4F1C2D3E-0001/providers/Microsoft.aadiam",
		"operationName": "Sign-in activity", "category": "ServicePrincipalSignInLogs", "tenantId": "4f1c2d3e-0001",
		"resultType": "0", "resultSignature": "None", "callerIpAddress": "203.0.113.77", "correlationId": "c0r1",
		"identity": "deploy-bot", "Level": 4, "location": "NL",
		"properties": obj{"id": "si-1", "appId": "0d4c7e21", "appDisplayName": "deploy-bot", "ipAddress": "203.0.113.77",
			"status": obj{"errorCode": 0}, "servicePrincipalId": "9a8b7c6d", "servicePrincipalName": "deploy-bot",
			"resourceDisplayName": "Azure Key Vault", "resourceId": "cfa8b339", "servicePrincipalCredentialKeyId": "77aa88bb",
			"clientCredentialType": "clientSecret", "homeTenantId": "4f1c2d3e-0001", "resourceTenantId": "4f1c2d3e-0001",
			"autonomousSystemNumber": 8075, "uniqueTokenIdentifier": "uti-sp-1", "conditionalAccessStatus": "notApplied",
			"location": obj{"city": "Amsterdam", "countryOrRegion": "NL", "geoCoordinates": obj{"latitude": 52.37, "longitude": 4.89}}},
	}, changes)
}

// TestAzureServicePrincipalSignIns: an application's sign-in is the use of
// the credential it names (a secret by key id, a certificate by
// thumbprint, a federated credential), whoever signs in, from wherever,
// into its own tenant or another; a failed or blocked one is told apart.
func TestAzureServicePrincipalSignIns(t *testing.T) {
	cases := []adapterCase{
		{name: "client secret", msg: spSignIn(), want: map[string]string{"id": "si-1", "action": "token.use", "outcome": "success",
			"tenant": "4f1c2d3e-0001", "actor.id": "0d4c7e21", "actor.type": "service", "token.id": "77aa88bb", "token.kind": "",
			"token.owner": "0d4c7e21", "token.tenant": "4f1c2d3e-0001", "source.ip": "203.0.113.77", "source.asn": "8075",
			"source.country": "NL", "source.lat": "52.37", "source.lon": "4.89", "resource.id": "cfa8b339", "request_id": "c0r1",
			"attrs.azure.credential_type": "clientSecret", "attrs.azure.token_uti": "uti-sp-1", "attrs.azure.object_id": "9a8b7c6d",
			"attrs.azure.category": "ServicePrincipalSignInLogs", "attrs.azure.operation": "Sign-in activity", "attrs.azure.result": "",
			"warnings": "", "format": "azure.monitor"}},
		{name: "certificate", msg: spSignIn(set("properties.servicePrincipalCredentialKeyId", remove),
			set("properties.servicePrincipalCredentialThumbprint", "3F2A9C"), set("properties.clientCredentialType", "certificate")),
			want: map[string]string{"action": "token.use", "token.id": "3F2A9C", "attrs.azure.credential_type": "certificate"}},
		{name: "federated credential", msg: spSignIn(set("properties.servicePrincipalCredentialKeyId", ""),
			set("properties.federatedCredentialId", "fic-gh-main"), set("properties.clientCredentialType", "federatedIdentityCredential")),
			want: map[string]string{"action": "token.use", "token.id": "fic-gh-main"}},
		{name: "no credential named", msg: spSignIn(set("properties.servicePrincipalCredentialKeyId", remove)),
			want: map[string]string{"action": "auth.logon", "token.id": "", "actor.id": "0d4c7e21"}},
		{name: "wrong secret", msg: spSignIn(set("resultType", "7000215"), set("properties.status", obj{"errorCode": 7000215,
			"failureReason": "Invalid client secret provided."})), want: map[string]string{"outcome": "failure",
			"attrs.azure.result": "7000215", "attrs.azure.failure": "Invalid client secret provided.", "action": "token.use"}},
		{name: "blocked by Conditional Access", msg: spSignIn(set("resultType", "53003"), set("properties.status.errorCode", 53003)),
			want: map[string]string{"outcome": "denied", "attrs.azure.result": "53003"}},
		{name: "result type alone", msg: spSignIn(set("resultType", "7000222"), set("properties.status", remove)),
			want: map[string]string{"outcome": "failure", "attrs.azure.result": "7000222"}},
		{name: "no result at all", msg: spSignIn(set("resultType", remove), set("properties.status", remove)),
			want: map[string]string{"outcome": "unknown"}},
		{name: "multi-tenant app in a customer's tenant", msg: spSignIn(set("properties.resourceTenantId", "AB12-CUSTOMER"),
			set("properties.homeTenantId", "4f1c2d3e-0001")), want: map[string]string{"tenant": "ab12-customer",
			"token.tenant": "4f1c2d3e-0001", "attrs.azure.home_tenant": "4f1c2d3e-0001"}},
		{name: "IPv6, no AS, no place", msg: spSignIn(set("properties.ipAddress", "2001:db8:ab::17"), set("properties.autonomousSystemNumber", remove),
			set("properties.location", remove)), want: map[string]string{"source.ip": "2001:db8:ab::17", "source.asn": "", "source.country": ""}},
		{name: "private address", msg: spSignIn(set("properties.ipAddress", "10.40.0.9")),
			want: map[string]string{"source.ip": "10.40.0.9", "source.internal": "true"}},
		{name: "caller address only", msg: spSignIn(set("properties.ipAddress", remove), set("callerIpAddress", "185.220.101.4")),
			want: map[string]string{"source.ip": "185.220.101.4"}},
		{name: "no place but 0, 0", msg: spSignIn(set("properties.location.geoCoordinates", obj{"latitude": 0, "longitude": 0})),
			want: map[string]string{"source.lat": "", "source.lon": "", "source.country": "NL", "warnings": "properties.location.geoCoordinates:placeholder"}},
		{name: "AS as text", msg: spSignIn(set("properties.autonomousSystemNumber", "16509")), want: map[string]string{"source.asn": "16509"}},
		{name: "AS not a number", msg: spSignIn(set("properties.autonomousSystemNumber", "AS16509")),
			want: map[string]string{"source.asn": "", "warnings": "properties.autonomousSystemNumber:invalid_value"}},
		{name: "no tenant but the log's", msg: spSignIn(set("properties.resourceTenantId", remove), set("properties.homeTenantId", remove),
			set("tenantId", "T-LOG")), want: map[string]string{"tenant": "t-log", "token.tenant": "t-log"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
}

// miSignIn is a managed identity's token request, which carries no
// address: Azure's instance metadata service asked for it.
func miSignIn(changes ...func(obj)) string {
	return withChanges(obj{
		"time": "2026-11-21T03:00:05Z", "resourceId": "/tenants/t-acme/providers/Microsoft.aadiam", "operationName": "Sign-in activity",
		"category": "ManagedIdentitySignInLogs", "tenantId": "t-acme", "resultType": "0", "correlationId": "c-mi",
		"properties": obj{"id": "si-mi", "appId": "mi-client-1", "servicePrincipalId": "mi-object-1", "servicePrincipalName": "vm-build-01",
			"resourceDisplayName": "Azure Key Vault", "resourceId": "cfa8b339", "uniqueTokenIdentifier": "uti-mi-77",
			"homeTenantId": "t-acme", "resourceTenantId": "t-acme", "status": obj{"errorCode": 0}},
	}, changes)
}

// TestAzureManagedIdentitySignIns: the token Azure issues a managed
// identity is created, by the unique id Key Vault records name it by.
func TestAzureManagedIdentitySignIns(t *testing.T) {
	runAdapterCases(t, "", []adapterCase{
		{name: "token issued", msg: miSignIn(), want: map[string]string{"action": "token.create", "outcome": "success",
			"actor.id": "mi-client-1", "actor.type": "service", "token.id": "uti-mi-77", "token.kind": "session",
			"token.created_at": "2026-11-21T03:00:05Z", "source.ip": "", "tenant": "t-acme"}},
		{name: "refused", msg: miSignIn(set("resultType", "50105"), set("properties.status.errorCode", 50105)),
			want: map[string]string{"outcome": "denied", "token.created_at": "", "token.id": "uti-mi-77"}},
		{name: "no token id", msg: miSignIn(set("properties.uniqueTokenIdentifier", remove)),
			want: map[string]string{"action": "token.create", "token.id": ""}},
		{name: "by object id alone", msg: miSignIn(set("properties.appId", remove)), want: map[string]string{"actor.id": "mi-object-1"}},
	})
}
