package decode_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// keyDesc is a KeyDescription value: the JSON text of entries for keys
// (id, type, name in threes).
func keyDesc(keys ...string) string {
	out := "["
	for i := 0; i+2 < len(keys); i += 3 {
		if i > 0 {
			out += ","
		}
		out += `"[KeyIdentifier=` + keys[i] + `,KeyType=` + keys[i+1] + `,KeyUsage=Verify,DisplayName=` + keys[i+2] + `]"`
	}
	return out + "]"
}

// auditEntry is an Entra ID directory audit as a diagnostic setting
// exports it: dana adds client secret k-new to release-pipeline's service
// principal from 185.220.101.4, changed by changes.
func auditEntry(changes ...func(obj)) string {
	return withChanges(obj{
		"time": "2026-11-20T13:02:44.8113546Z", "resourceId": "/tenants/5B7C-DIR/providers/Microsoft.aadiam",
		"operationName": "Add service principal credentials", "category": "AuditLogs", "tenantId": "5b7c-dir",
		"resultSignature": "None", "callerIpAddress": "185.220.101.4", "correlationId": "c-audit",
		"properties": obj{"id": "Directory_c-audit_1", "category": "ApplicationManagement", "result": "success",
			"activityDisplayName": "Add service principal credentials", "loggedByService": "Core Directory",
			"initiatedBy": obj{"user": obj{"id": "u-dana", "userPrincipalName": "dana@contoso.example", "ipAddress": "185.220.101.4"}},
			"targetResources": []any{obj{"id": "sp-obj-1", "displayName": "release-pipeline", "type": "ServicePrincipal",
				"modifiedProperties": []any{
					obj{"displayName": "KeyDescription", "oldValue": "[]", "newValue": keyDesc("k-new", "Password", "backup")},
					obj{"displayName": "TargetId.ServicePrincipalNames", "newValue": `"app-spn-1;https://release.example"`}}}},
			"additionalDetails": []any{obj{"key": "User-Agent", "value": "python-requests/2.32.3"}, obj{"key": "AppId", "value": "app-1"}}},
	}, changes)
}

// mods sets the target's modified KeyDescription from old to new.
func mods(old, new string) func(obj) {
	return set("properties.targetResources", []any{obj{"id": "app-obj-1", "displayName": "etl", "type": "Application",
		"modifiedProperties": []any{obj{"displayName": "KeyDescription", "oldValue": old, "newValue": new}}}})
}

// TestAzureDirectoryAudits: a credential added to an application or its
// service principal is created, one removed revoked, owned by the
// application as its sign-ins name it; by a user or an app, from wherever;
// other directory changes keep their name.
func TestAzureDirectoryAudits(t *testing.T) {
	a, b := []string{"k-a", "Password", "ci"}, []string{"k-b", "AsymmetricX509Cert", "cert"}
	cases := []adapterCase{
		{name: "secret added", msg: auditEntry(), want: map[string]string{"id": "Directory_c-audit_1", "action": "token.create",
			"outcome": "success", "tenant": "5b7c-dir", "actor.id": "dana@contoso.example", "actor.type": "user", "token.id": "k-new",
			"token.owner": "app-1", "token.tenant": "5b7c-dir", "token.created_at": "2026-11-20T13:02:44.811Z", "resource.id": "sp-obj-1",
			"resource.type": "token", "source.ip": "185.220.101.4", "source.user_agent": "python-requests/2.32.3",
			"attrs.azure.key_type": "Password", "attrs.azure.key_name": "backup", "attrs.azure.target": "release-pipeline",
			"attrs.azure.operation": "Add service principal credentials", "attrs.azure.audit_category": "ApplicationManagement", "warnings": ""}},
		{name: "owner by service principal name", msg: auditEntry(set("properties.additionalDetails", []any{})),
			want: map[string]string{"token.owner": "app-spn-1", "source.user_agent": ""}},
		{name: "certificate added to an application", msg: auditEntry(mods(keyDesc(a...), keyDesc(append(a, b...)...)),
			set("properties.additionalDetails", remove)), want: map[string]string{"action": "token.create", "token.id": "k-b",
			"token.owner": "app-obj-1", "attrs.azure.key_type": "AsymmetricX509Cert", "attrs.azure.target_type": "Application"}},
		{name: "secret removed", msg: auditEntry(set("operationName", "Remove service principal credentials"), mods(keyDesc(append(a, b...)...), keyDesc(b...))),
			want: map[string]string{"action": "token.revoke", "token.id": "k-a", "token.created_at": ""}},
		{name: "two added", msg: auditEntry(mods("[]", keyDesc(append(a, b...)...))),
			want: map[string]string{"token.id": "k-a", "attrs.azure.keys_changed": "2"}},
		{name: "by an application", msg: auditEntry(set("properties.initiatedBy", obj{"app": obj{"appId": "app-ops", "displayName": "ops-automation"}}),
			set("callerIpAddress", "20.61.14.201")), want: map[string]string{"actor.id": "app-ops", "actor.type": "service",
			"attrs.azure.app_name": "ops-automation", "source.ip": "20.61.14.201"}},
		{name: "failed", msg: auditEntry(set("properties.result", "failure")), want: map[string]string{"outcome": "failure", "token.created_at": ""}},
		{name: "no result", msg: auditEntry(set("properties.result", remove)), want: map[string]string{"outcome": "unknown"}},
		{name: "another change keeps its name", msg: auditEntry(set("operationName", "Add member to role"), mods("[]", "[]")),
			want: map[string]string{"action": "Add member to role", "token.id": "", "actor.id": "dana@contoso.example", "resource.id": "app-obj-1"}},
		{name: "no tenant id: the directory's in resourceId", msg: auditEntry(set("tenantId", remove)), want: map[string]string{"tenant": "5b7c-dir"}},
		{name: "service principal name over the limit", msg: auditEntry(set("properties.additionalDetails", remove),
			set("properties.targetResources", []any{obj{"id": "sp-obj-9", "type": "ServicePrincipal", "modifiedProperties": []any{
				obj{"displayName": "KeyDescription", "oldValue": "[]", "newValue": keyDesc("k-9", "Password", "x")},
				obj{"displayName": "TargetId.ServicePrincipalNames", "newValue": `"` + strings.Repeat("a", 5000) + `;x"`}}}})),
			want: map[string]string{"token.id": "k-9", "token.owner": "sp-obj-9"}},
		{name: "entry with no key id", msg: auditEntry(mods("[]", `["[KeyType=Password]"]`)), want: map[string]string{"token.id": "", "action": "Add service principal credentials"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
}

// laAudit is a Log Analytics AuditLogs row of the same change, its objects
// as JSON text.
func laAudit(changes ...func(obj)) string {
	return withChanges(obj{
		"TimeGenerated": "2026-11-21T08:00:00Z", "OperationName": "Update application – Certificates and secrets management ",
		"Category": "ApplicationManagement", "Type": "AuditLogs", "Result": "success", "Id": "Directory_la_1", "TenantId": "workspace-9",
		"AADTenantId": "5b7c-dir", "CorrelationId": "c-la", "ResourceId": "/tenants/5b7c-dir/providers/Microsoft.aadiam",
		"InitiatedBy":       `{"user":{"userPrincipalName":"erin@contoso.example","ipAddress":"2001:db8:7::9"}}`,
		"TargetResources":   `[{"id":"app-obj-2","displayName":"billing","type":"Application","modifiedProperties":[{"displayName":"KeyDescription","oldValue":"[]","newValue":"[\"[KeyIdentifier=k-la,KeyType=Password,KeyUsage=Verify,DisplayName=x]\"]"}]}]`,
		"AdditionalDetails": `[{"key":"AppId","value":"app-2"}]`,
	}, changes)
}

// TestAzureDirectoryAuditRows: Log Analytics' rows map as the exports do.
func TestAzureDirectoryAuditRows(t *testing.T) {
	cases := []adapterCase{
		{name: "secret added", msg: laAudit(), want: map[string]string{"id": "Directory_la_1", "action": "token.create", "tenant": "5b7c-dir",
			"actor.id": "erin@contoso.example", "source.ip": "2001:db8:7::9", "token.id": "k-la", "token.owner": "app-2",
			"attrs.azure.category": "ApplicationManagement", "attrs.azure.audit_category": "", "warnings": ""}},
		{name: "objects as objects, no resource id", msg: laAudit(set("InitiatedBy", obj{"user": obj{"userPrincipalName": "erin@contoso.example"}}), set("ResourceId", remove)),
			want: map[string]string{"actor.id": "erin@contoso.example", "token.id": "k-la"}},
		{name: "targets not JSON", msg: laAudit(set("TargetResources", "billing")),
			want: map[string]string{"token.id": "", "warnings": "TargetResources:wrong_type"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
}

// graphAudit is a Microsoft Graph directoryAudit resource
// (/auditLogs/directoryAudits) of frank adding a certificate to app-3's
// application at at.
func graphAudit(id, at, op, old, new string) string {
	return withChanges(obj{
		"id": id, "category": "ApplicationManagement", "correlationId": "c-" + id, "result": "success", "resultReason": "",
		"activityDisplayName": op, "activityDateTime": at, "loggedByService": "Core Directory", "operationType": "Update",
		"initiatedBy": obj{"user": obj{"id": "u-frank", "userPrincipalName": "frank@contoso.example", "ipAddress": "198.51.100.77"}},
		"targetResources": []any{obj{"id": "app-obj-3", "displayName": "payments", "type": "Application",
			"modifiedProperties": []any{obj{"displayName": "KeyDescription", "oldValue": old, "newValue": new}}}},
		"additionalDetails": []any{obj{"key": "AppId", "value": "app-3"}},
	}, nil)
}

// TestAzureGraphDirectoryAudits: Graph's directoryAudit maps as the logs'
// records do, alone or as a page, whose events come oldest first.
func TestAzureGraphDirectoryAudits(t *testing.T) {
	op := "Update application – Certificates and secrets management "
	added := graphAudit("Directory_g1", "2026-11-21T10:00:00Z", op, "[]", keyDesc("k-cert", "AsymmetricX509Cert", "deploy"))
	removed := graphAudit("Directory_g2", "2026-11-21T10:30:00Z", op, keyDesc("k-cert", "AsymmetricX509Cert", "deploy"), "[]")
	cases := []adapterCase{
		{name: "certificate added", msg: added, want: map[string]string{"id": "Directory_g1", "time": "2026-11-21T10:00:00Z",
			"action": "token.create", "token.id": "k-cert", "token.owner": "app-3", "actor.id": "frank@contoso.example",
			"source.ip": "198.51.100.77", "tenant": "topic-tenant", "attrs.azure.operation": op, "format": "azure.monitor"}},
		{name: "certificate removed", msg: removed, want: map[string]string{"action": "token.revoke", "token.id": "k-cert"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
	page := `{"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#auditLogs/directoryAudits","value":[` + removed + "," + added + `]}`
	evs, de := decodeAll(t, "", page)
	require.Nil(t, de)
	require.Equal(t, []string{"token.create", "token.revoke"}, []string{evs[0].Action, evs[1].Action}, "oldest first")
}
