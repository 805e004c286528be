package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// kvEntry is a Key Vault AuditEvent of an app reading a secret from
// 20.61.14.201, changed by changes.
func kvEntry(changes ...func(obj)) string {
	return withChanges(obj{
		"time": "2026-11-20T11:04:12.3321870Z", "category": "AuditEvent", "operationName": "SecretGet",
		"resultType": "Success", "resultSignature": "OK", "correlationId": "7d3c", "callerIpAddress": "20.61.14.201",
		"identity":   obj{"claim": obj{"appid": "0d4c7e21", "idtyp": "app", "uti": "kX3n9PqR"}},
		"properties": obj{"id": "https://acme-kv.vault.azure.net/secrets/stripe-key/2f9e", "clientInfo": "azsdk-go/1.1", "httpStatusCode": 200},
		"resourceId": "/SUBSCRIPTIONS/361DA5D4-A47A/RESOURCEGROUPS/PAY/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/ACME-KV",
	}, changes)
}

// TestAzureMonitorRecords: who (an app, a managed identity, a user by
// short or URI claim, live.com# accounts), from where (an address, a
// private one, an Azure service), which result (Key Vault's 403 under
// resultType Success included) and which operation: each record maps as
// docs/input/azure.md says, detected without --format and with it.
func TestAzureMonitorRecords(t *testing.T) {
	upn := "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"
	cases := []adapterCase{
		{name: "secret read by an app", msg: kvEntry(), want: map[string]string{"action": "secret.read", "outcome": "success",
			"tenant": "361da5d4-a47a", "actor.id": "0d4c7e21", "actor.type": "service", "token.id": "kX3n9PqR", "token.kind": "session",
			"secret.id": "acme-kv/stripe-key", "secret.name": "stripe-key", "source.ip": "20.61.14.201", "source.user_agent": "azsdk-go/1.1",
			"attrs.azure.operation": "SecretGet", "format": "azure.monitor", "request_id": "7d3c"}},
		{name: "managed identity", msg: kvEntry(set("identity.claim.xms_mirid", "/subscriptions/S/resourcegroups/pay/providers/Microsoft.Compute/virtualMachines/vm1")),
			want: map[string]string{"token.workload": "", "attrs.azure.managed_identity": "/subscriptions/S/resourcegroups/pay/providers/Microsoft.Compute/virtualMachines/vm1"}},
		{name: "denied under Success", msg: kvEntry(set("resultSignature", "Forbidden"), set("properties.httpStatusCode", 403)),
			want: map[string]string{"outcome": "denied", "attrs.azure.result": "Forbidden"}},
		{name: "unauthorized", msg: kvEntry(set("resultType", "Failure"), set("resultSignature", "Unauthorized"), set("properties.httpStatusCode", 401)),
			want: map[string]string{"outcome": "denied"}},
		{name: "not found", msg: kvEntry(set("resultType", "Failure"), set("resultSignature", "NotFound"), set("properties.httpStatusCode", 404)),
			want: map[string]string{"outcome": "failure", "attrs.azure.result": "NotFound"}},
		{name: "user by URI claim, live.com", msg: kvEntry(set("identity.claim", obj{upn: "live.com#mallory@outlook.com"})),
			want: map[string]string{"actor.id": "mallory@outlook.com", "actor.type": "user", "token.id": ""}},
		{name: "user by short claim", msg: kvEntry(set("identity.claim", obj{"upn": "bob@acme.example", "uti": "u2", "ipaddr": "198.51.100.5"})),
			want: map[string]string{"actor.id": "bob@acme.example", "actor.type": "user", "token.owner": "bob@acme.example", "attrs.azure.token_ip": "198.51.100.5"}},
		{name: "private caller", msg: kvEntry(set("callerIpAddress", "10.1.2.3")), want: map[string]string{"source.ip": "10.1.2.3", "source.internal": "true"}},
		{name: "IPv6 caller with a port", msg: kvEntry(set("callerIpAddress", "[2001:db8:ab::17]:443")),
			want: map[string]string{"source.ip": "2001:db8:ab::17", "source.internal": "", "warnings": "callerIpAddress:normalised,id:derived"}},
		{name: "Azure service caller", msg: kvEntry(set("callerIpAddress", "AzureResourceManager")),
			want: map[string]string{"source.ip": "", "source.internal": "true", "attrs.azure.source": "AzureResourceManager"}},
		{name: "secret by request URI", msg: kvEntry(set("properties.id", remove), set("properties.requestUri", "https://acme-kv.vault.azure.net/secrets/db-pass?api-version=7.4")),
			want: map[string]string{"secret.id": "acme-kv/db-pass"}},
		{name: "secret set", msg: kvEntry(set("operationName", "SecretSet")), want: map[string]string{"action": "secret.update"}},
		{name: "secret purge", msg: kvEntry(set("operationName", "SecretPurge")), want: map[string]string{"action": "secret.delete"}},
		{name: "key get stays", msg: kvEntry(set("operationName", "KeyGet")), want: map[string]string{"action": "KeyGet", "secret.id": ""}},
		{name: "tenant from tenantId", msg: kvEntry(set("resourceId", "/providers/x"), set("tenantId", "T1")), want: map[string]string{"tenant": "t1"}},
		{name: "no tenant", msg: kvEntry(set("resourceId", "/providers/x")), want: map[string]string{"tenant": "topic-tenant"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, append(cases, adapterCase{name: "no operation", msg: kvEntry(set("operationName", remove)),
		errAt: "operationName", errWhy: decode.ReasonMissing})) // detected as credwatch's own without it
}

// TestAzureActivityCredentials: the Activity Log operations that hand out
// or rotate a resource's keys, in any case, are secret reads and updates
// of the resource; Started records wait for their result; other
// operations keep their name.
func TestAzureActivityCredentials(t *testing.T) {
	activity := func(op, result string) string {
		return withChanges(obj{"time": "2026-11-20T17:45:09Z", "category": "Administrative", "operationName": op, "resultType": result,
			"resourceId":      "/subscriptions/s1/resourceGroups/data/providers/Microsoft.Storage/storageAccounts/acmeexports",
			"callerIpAddress": "198.51.100.23", "identity": obj{"claims": obj{"upn": "alice@acme.example"}}}, nil)
	}
	runAdapterCases(t, "", []adapterCase{
		{name: "storage keys", msg: activity("MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION", "Success"), want: map[string]string{"action": "secret.read",
			"secret.id": "/subscriptions/s1/resourcegroups/data/providers/microsoft.storage/storageaccounts/acmeexports", "secret.name": "acmeexports", "tenant": "s1"}},
		{name: "account SAS", msg: activity("Microsoft.Storage/storageAccounts/ListAccountSas/action", "Succeeded"), want: map[string]string{"action": "secret.read"}},
		{name: "app settings", msg: activity("Microsoft.Web/sites/config/list/Action", "Success"), want: map[string]string{"action": "secret.read"}},
		{name: "cosmos connection strings", msg: activity("Microsoft.DocumentDB/databaseAccounts/listConnectionStrings/action", "Success"),
			want: map[string]string{"action": "secret.read"}},
		{name: "key regenerated", msg: activity("MICROSOFT.STORAGE/STORAGEACCOUNTS/REGENERATEKEY/ACTION", "Success"), want: map[string]string{"action": "secret.update"}},
		{name: "failed", msg: activity("MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION", "Failure"), want: map[string]string{"outcome": "failure"}},
		{name: "started", msg: activity("MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION", "Start"), skipped: true},
		{name: "accepted", msg: activity("MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION", "Accept"), skipped: true},
		{name: "other operation", msg: activity("MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE", "Success"),
			want: map[string]string{"action": "MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE", "secret.id": ""}},
	})
}

// TestAzureLogAnalyticsRows: the same Key Vault events as Log Analytics
// exports them (a data export rule to Event Hubs): AZKVAuditLogs rows
// (PascalCase, the request's fields at the top, Identity.claim) and
// AzureDiagnostics rows (claims and properties flattened into typed
// columns) map as the diagnostic records do.
func TestAzureLogAnalyticsRows(t *testing.T) {
	azkv := func(changes ...func(obj)) string {
		return withChanges(obj{"TimeGenerated": "2026-11-20T11:04:12.332Z", "OperationName": "SecretGet", "ResultType": "Success",
			"ResultSignature": "OK", "CorrelationId": "7d3c", "CallerIpAddress": "20.61.14.201",
			"Identity": obj{"claim": obj{"appid": "0d4c7e21", "uti": "kX3n9PqR"}}, "Id": "https://acme-kv.vault.azure.net/secrets/stripe-key/2f9e",
			"HttpStatusCode": 200, "ClientInfo": "azsdk-go/1.1", "TenantId": "workspace-1", "Type": "AZKVAuditLogs",
			"_ResourceId": "/subscriptions/361da5d4-a47a/resourcegroups/pay/providers/microsoft.keyvault/vaults/acme-kv"}, changes)
	}
	diag := func(changes ...func(obj)) string {
		return withChanges(obj{"TimeGenerated": "2026-11-21T03:10:00.1Z", "Category": "AuditEvent", "OperationName": "SecretGet",
			"ResultType": "Success", "ResultSignature": "OK", "httpStatusCode_d": 200, "CallerIPAddress": "185.220.101.34",
			"identity_claim_http_schemas_xmlsoap_org_ws_2005_05_identity_claims_upn_s": "mallory@outlook.com",
			"identity_claim_appid_g": "04b07795", "id_s": "https://acme-kv.vault.azure.net/secrets/db-pass", "clientInfo_s": "azure-cli/2.66.0",
			"ResourceId": "/SUBSCRIPTIONS/361DA5D4-A47A/RESOURCEGROUPS/PAY/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/ACME-KV", "Type": "AzureDiagnostics"}, changes)
	}
	for _, format := range []string{"", decode.FormatAzure} {
		runAdapterCases(t, format, []adapterCase{
			{name: "AZKVAuditLogs", msg: azkv(), want: map[string]string{"action": "secret.read", "outcome": "success", "tenant": "361da5d4-a47a",
				"actor.id": "0d4c7e21", "token.id": "kX3n9PqR", "secret.id": "acme-kv/stripe-key", "source.ip": "20.61.14.201",
				"source.user_agent": "azsdk-go/1.1", "request_id": "7d3c", "time": "2026-11-20T11:04:12.332Z"}},
			{name: "AZKVAuditLogs denied", msg: azkv(set("HttpStatusCode", 403), set("ResultSignature", "Forbidden")),
				want: map[string]string{"outcome": "denied"}},
			{name: "AZKVAuditLogs by request URI", msg: azkv(set("Id", remove), set("RequestUri", "https://acme-kv.vault.azure.net/secrets/db-pass?api-version=7.4")),
				want: map[string]string{"secret.id": "acme-kv/db-pass"}},
			{name: "AzureDiagnostics", msg: diag(), want: map[string]string{"action": "secret.read", "outcome": "success", "tenant": "361da5d4-a47a",
				"actor.id": "mallory@outlook.com", "actor.type": "user", "secret.id": "acme-kv/db-pass", "source.ip": "185.220.101.34",
				"source.user_agent": "azure-cli/2.66.0", "attrs.azure.app_id": "04b07795", "attrs.azure.category": "AuditEvent"}},
			{name: "AzureDiagnostics denied", msg: diag(set("httpStatusCode_d", 403), set("ResultSignature", "Forbidden")),
				want: map[string]string{"outcome": "denied"}},
			{name: "AzureDiagnostics short upn", msg: diag(set("identity_claim_http_schemas_xmlsoap_org_ws_2005_05_identity_claims_upn_s", remove),
				set("identity_claim_upn_s", "bob@acme.example")), want: map[string]string{"actor.id": "bob@acme.example"}},
		})
	}
}
