package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// activityEvent is an Activity Log event as its REST API (and az monitor
// activity-log list) gives it: ops@contoso.example listing a storage
// account's keys from 198.51.100.23, changed by changes.
func activityEvent(changes ...func(obj)) string {
	resource := "/subscriptions/9F1C2D3E-0001/resourceGroups/data/providers/Microsoft.Storage/storageAccounts/contosodata"
	return withChanges(obj{
		"authorization": obj{"action": "Microsoft.Storage/storageAccounts/listKeys/action", "scope": resource},
		"caller":        "ops@contoso.example", "channels": "Operation", "correlationId": "c0rr-1", "eventDataId": "ed-1",
		"claims": obj{"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn": "ops@contoso.example", "appid": "04b07795",
			"http://schemas.microsoft.com/identity/claims/tenantid": "t-contoso", "ipaddr": "198.51.100.23", "uti": "uti-rest-1"},
		"eventName": obj{"value": "EndRequest", "localizedValue": "End request"}, "category": obj{"value": "Administrative", "localizedValue": "Administrative"},
		"eventTimestamp": "2026-11-20T10:15:42.1234567Z", "submissionTimestamp": "2026-11-20T10:16:01.0Z", "level": "Informational",
		"httpRequest":   obj{"clientRequestId": "cr-1", "clientIpAddress": "198.51.100.23", "method": "POST"},
		"operationName": obj{"value": "Microsoft.Storage/storageAccounts/listKeys/action", "localizedValue": "List Storage Account Keys"},
		"resourceId":    resource, "status": obj{"value": "Succeeded", "localizedValue": "Succeeded"}, "subStatus": obj{"value": "OK", "localizedValue": "OK (HTTP Status Code: 200)"},
		"subscriptionId": "9F1C2D3E-0001", "properties": obj{"statusCode": "OK"}, "relatedEvents": []any{},
	}, changes)
}

// TestAzureActivityEvents: the Activity Log's own event schema maps as its
// exported records do, whoever calls, whatever the result.
func TestAzureActivityEvents(t *testing.T) {
	cases := []adapterCase{
		{name: "a storage account's keys listed", msg: activityEvent(), want: map[string]string{"id": "ed-1", "action": "secret.read",
			"outcome": "success", "tenant": "9f1c2d3e-0001", "actor.id": "ops@contoso.example", "actor.type": "user", "token.id": "uti-rest-1",
			"source.ip": "198.51.100.23", "request_id": "c0rr-1", "secret.name": "contosodata", "time": "2026-11-20T10:15:42.123Z",
			"attrs.azure.operation": "Microsoft.Storage/storageAccounts/listKeys/action", "attrs.azure.category": "Administrative", "warnings": ""}},
		{name: "refused", msg: activityEvent(set("status.value", "Failed"), set("subStatus.value", "Forbidden")),
			want: map[string]string{"outcome": "denied", "attrs.azure.result": "Forbidden"}},
		{name: "failed", msg: activityEvent(set("status.value", "Failed"), set("subStatus.value", "Conflict")),
			want: map[string]string{"outcome": "failure", "attrs.azure.result": "Conflict"}},
		{name: "an app's call", msg: activityEvent(set("claims", obj{"appid": "deploy-app", "idtyp": "app"}), set("caller", "5d2c-oid")),
			want: map[string]string{"actor.id": "deploy-app", "actor.type": "service"}},
		{name: "no claims", msg: activityEvent(set("claims", remove)), want: map[string]string{"actor.id": "ops@contoso.example", "actor.type": "user", "token.id": ""}},
		{name: "no claims, a service", msg: activityEvent(set("claims", remove), set("caller", "Microsoft.Insights/alertRules")),
			want: map[string]string{"actor.id": "Microsoft.Insights/alertRules", "actor.type": "service"}},
		{name: "no caller at all", msg: activityEvent(set("claims", remove), set("caller", remove)), want: map[string]string{"actor.id": "", "actor.type": ""}},
		{name: "keys regenerated", msg: activityEvent(set("operationName.value", "Microsoft.Storage/storageAccounts/regenerateKey/action")),
			want: map[string]string{"action": "secret.update"}},
		{name: "any other operation", msg: activityEvent(set("operationName.value", "Microsoft.Network/networkSecurityGroups/write")),
			want: map[string]string{"attrs.operation": "Microsoft.Network/networkSecurityGroups/write", "secret.id": ""}},
		{name: "started", msg: activityEvent(set("status.value", "Started")), skipped: true},
		{name: "no time", msg: activityEvent(set("eventTimestamp", "")), errAt: "eventTimestamp", errWhy: decode.ReasonMissing},
		{name: "no operation", msg: activityEvent(set("operationName.value", nil)), errAt: "operationName.value", errWhy: decode.ReasonMissing},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatAzure, cases)
}
