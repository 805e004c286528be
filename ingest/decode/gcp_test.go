package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// gcpEntry is a Data Access entry of payments-api reading a secret with a
// service account key from 198.51.100.77, changed by changes.
func gcpEntry(changes ...func(obj)) string {
	return withChanges(obj{
		"protoPayload": obj{
			"@type":  "type.googleapis.com/google.cloud.audit.AuditLog",
			"status": obj{},
			"authenticationInfo": obj{"principalEmail": "payments-api@acme-prod.iam.gserviceaccount.com",
				"serviceAccountKeyName": "//iam.googleapis.com/projects/acme-prod/serviceAccounts/payments-api@acme-prod.iam.gserviceaccount.com/keys/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"},
			"requestMetadata": obj{"callerIp": "198.51.100.77", "callerSuppliedUserAgent": "grpc-go/1.66"},
			"serviceName":     "secretmanager.googleapis.com",
			"methodName":      "google.cloud.secretmanager.v1.SecretManagerService.AccessSecretVersion",
			"resourceName":    "projects/412345678901/secrets/db-pass/versions/3",
		},
		"insertId":  "abc123",
		"resource":  obj{"type": "audited_resource", "labels": obj{"project_id": "acme-prod"}},
		"timestamp": "2026-11-20T09:12:44.498213Z",
		"logName":   "projects/acme-prod/logs/cloudaudit.googleapis.com%2Fdata_access",
	}, changes)
}

// TestGCPAuditLogs: who (a key, a user, a federated identity, a GKE service
// account), from where (an address, a VPC, Google itself), when (no
// insertId), which outcome and which call: each entry maps as
// docs/input/gcp.md says, detected without --format and with it.
func TestGCPAuditLogs(t *testing.T) {
	key := "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"
	cases := []adapterCase{
		{name: "secret read with a key", msg: gcpEntry(), want: map[string]string{"action": "secret.read", "outcome": "success",
			"tenant": "acme-prod", "actor.id": "payments-api@acme-prod.iam.gserviceaccount.com", "actor.type": "service",
			"actor.tenants": "acme-prod", "token.id": key, "secret.id": "projects/acme-prod/secrets/db-pass", "secret.name": "db-pass",
			"source.ip": "198.51.100.77", "attrs.gcp.api": "secretmanager:AccessSecretVersion", "attrs.gcp.log": "data_access", "format": "gcp.audit"}},
		{name: "same key by unique id", msg: gcpEntry(set("protoPayload.authenticationInfo.serviceAccountKeyName",
			"//iam.googleapis.com/projects/-/serviceAccounts/112233445566778899001/keys/"+key)), want: map[string]string{"token.id": key, "token.tenant": "acme-prod"}},
		{name: "secret by project id, v1beta1", msg: gcpEntry(set("protoPayload.resourceName", "projects/acme-prod/secrets/db-pass/versions/latest"),
			set("protoPayload.methodName", "google.cloud.secretmanager.v1beta1.SecretManagerService.AccessSecretVersion")),
			want: map[string]string{"action": "secret.read", "secret.id": "projects/acme-prod/secrets/db-pass"}},
		{name: "denied user over IPv6", msg: gcpEntry(set("protoPayload.status", obj{"code": 7, "message": "Permission denied"}),
			set("protoPayload.authenticationInfo", obj{"principalEmail": "mallory@example.net"}), set("protoPayload.requestMetadata.callerIp", "2001:db8::2a")),
			want: map[string]string{"outcome": "denied", "actor.type": "user", "token.id": "", "source.ip": "2001:db8::2a",
				"attrs.gcp.status_code": "PERMISSION_DENIED", "attrs.gcp.error_message": "Permission denied"}},
		{name: "unauthenticated", msg: gcpEntry(set("protoPayload.status.code", 16)), want: map[string]string{"outcome": "denied"}},
		{name: "not found", msg: gcpEntry(set("protoPayload.status.code", 5)), want: map[string]string{"outcome": "failure", "attrs.gcp.status_code": "NOT_FOUND"}},
		{name: "from a VPC", msg: gcpEntry(set("protoPayload.requestMetadata.callerIp", "gce-internal-ip")),
			want: map[string]string{"source.ip": "", "source.internal": "true", "attrs.gcp.source": "gce-internal-ip"}},
		{name: "Google itself", msg: gcpEntry(set("protoPayload.requestMetadata.callerIp", "0.1.0.2")),
			want: map[string]string{"source.ip": "", "source.internal": "true", "attrs.gcp.source": "0.1.0.2"}},
		{name: "private address", msg: gcpEntry(set("protoPayload.requestMetadata.callerIp", "10.20.0.7")),
			want: map[string]string{"source.ip": "10.20.0.7", "source.internal": "true"}},
		{name: "federated identity", msg: gcpEntry(set("protoPayload.authenticationInfo", obj{"principalSubject": "principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/gh/subject/repo:acme/api:ref:refs/heads/main"})),
			want: map[string]string{"actor.type": "service", "token.id": ""}},
		{name: "tenant from logName", msg: gcpEntry(set("resource", remove)), want: map[string]string{"tenant": "acme-prod"}},
		{name: "folder entry", msg: gcpEntry(set("resource", remove), set("logName", "folders/9988/logs/cloudaudit.googleapis.com%2Factivity")),
			want: map[string]string{"tenant": "folder/9988", "attrs.gcp.log": "activity"}},
		{name: "no tenant anywhere", msg: gcpEntry(set("resource", remove), set("logName", remove), set("protoPayload.resourceName", "secrets/x")),
			want: map[string]string{"tenant": "topic-tenant"}},
		{name: "no insertId", msg: gcpEntry(set("insertId", remove)), want: map[string]string{"warnings": "id:derived"}},
		{name: "other call with a key", msg: gcpEntry(set("protoPayload.serviceName", "storage.googleapis.com"),
			set("protoPayload.methodName", "storage.objects.get")), want: map[string]string{"action": "storage:storage.objects.get", "token.id": key}},
		{name: "GKE secret list", msg: gcpEntry(set("protoPayload.serviceName", "k8s.io"), set("protoPayload.methodName", "io.k8s.core.v1.secrets.list"),
			set("protoPayload.authenticationInfo", obj{"principalEmail": "system:serviceaccount:ci:runner"}),
			set("protoPayload.resourceName", "core/v1/namespaces/prod/secrets")),
			want: map[string]string{"action": "secret.list", "actor.type": "service", "secret.id": ""}},
		{name: "no method", msg: gcpEntry(set("protoPayload.methodName", remove)), errAt: "protoPayload.methodName", errWhy: decode.ReasonMissing},
		{name: "no time", msg: gcpEntry(set("timestamp", remove)), errAt: "timestamp", errWhy: decode.ReasonMissing},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatGCP, cases)
	runAdapterCases(t, decode.FormatGCP, []adapterCase{
		{name: "no AuditLog", msg: gcpEntry(set("protoPayload", remove)), errAt: "protoPayload", errWhy: decode.ReasonMissing},
		{name: "null AuditLog", msg: gcpEntry(set("protoPayload", nil)), errAt: "protoPayload", errWhy: decode.ReasonMissing},
		{name: "AuditLog as text", msg: gcpEntry(set("protoPayload", "{\"methodName\":\"x\"}")), errAt: "protoPayload", errWhy: decode.ReasonType},
		{name: "AuditLog as a list", msg: gcpEntry(set("protoPayload", []any{obj{"methodName": "x"}})), errAt: "protoPayload", errWhy: decode.ReasonType},
	})
}

// TestGCPCredentialsActedOn: a key created, disabled or deleted, and an
// account impersonated, are the token of the event, named by key id and
// account address whichever form the entry uses; the caller's own key
// moves to attrs.gcp.caller_key.
func TestGCPCredentialsActedOn(t *testing.T) {
	newKey := "projects/acme-prod/serviceAccounts/deploy-bot@acme-prod.iam.gserviceaccount.com/keys/c0ffee1234567890abcdef0123456789abcdef01"
	iam := func(method string, changes ...func(obj)) string {
		return gcpEntry(append([]func(obj){set("protoPayload.serviceName", "iam.googleapis.com"), set("protoPayload.methodName", "google.iam.admin.v1."+method),
			set("resource", obj{"type": "service_account", "labels": obj{"project_id": "acme-prod", "email_id": "deploy-bot@acme-prod.iam.gserviceaccount.com"}})}, changes...)...)
	}
	runAdapterCases(t, "", []adapterCase{
		{name: "key created", msg: iam("CreateServiceAccountKey", set("protoPayload.resourceName", "projects/-/serviceAccounts/1043"),
			set("protoPayload.response", obj{"name": newKey})), want: map[string]string{"action": "token.create",
			"token.id": "c0ffee1234567890abcdef0123456789abcdef01", "token.owner": "deploy-bot@acme-prod.iam.gserviceaccount.com",
			"token.created_at": "2026-11-20T09:12:44.498Z", "attrs.gcp.caller_key": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"}},
		{name: "key creation denied", msg: iam("CreateServiceAccountKey", set("protoPayload.status.code", 7),
			set("protoPayload.resourceName", "projects/-/serviceAccounts/1043")), want: map[string]string{"outcome": "denied", "token.id": "",
			"token.owner": "deploy-bot@acme-prod.iam.gserviceaccount.com", "token.created_at": ""}},
		{name: "key deleted by unique id", msg: iam("DeleteServiceAccountKey", set("protoPayload.resourceName",
			"projects/-/serviceAccounts/1043/keys/c0ffee1234567890abcdef0123456789abcdef01")), want: map[string]string{"action": "token.revoke",
			"token.id": "c0ffee1234567890abcdef0123456789abcdef01", "token.owner": "deploy-bot@acme-prod.iam.gserviceaccount.com"}},
		{name: "key disabled", msg: iam("DisableServiceAccountKey", set("protoPayload.resourceName", newKey)),
			want: map[string]string{"action": "token.update_status", "token.id": "c0ffee1234567890abcdef0123456789abcdef01"}},
		{name: "API key created with a key", msg: gcpEntry(set("protoPayload.serviceName", "apikeys.googleapis.com"),
			set("protoPayload.methodName", "google.api.apikeys.v2.ApiKeys.CreateKey"), set("protoPayload.resourceName", "projects/412345678901/locations/global/keys/k1")),
			want: map[string]string{"action": "token.create", "token.id": "", "attrs.gcp.caller_key": "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567"}},
		{name: "federated token exchanged", msg: gcpEntry(set("protoPayload.serviceName", "sts.googleapis.com"),
			set("protoPayload.methodName", "google.identity.sts.v1.SecurityTokenService.ExchangeToken"), set("protoPayload.authenticationInfo", remove)),
			want: map[string]string{"action": "token.create", "token.id": "", "actor.id": ""}},
		{name: "impersonation", msg: gcpEntry(set("protoPayload.serviceName", "iamcredentials.googleapis.com"), set("protoPayload.methodName", "GenerateAccessToken"),
			set("protoPayload.resourceName", "projects/-/serviceAccounts/deployer@acme-prod.iam.gserviceaccount.com"),
			set("protoPayload.authenticationInfo.serviceAccountDelegationInfo", []any{obj{"firstPartyPrincipal": obj{"principalEmail": "alice@acme.example"}}})),
			want: map[string]string{"action": "token.create", "token.id": "", "token.owner": "deployer@acme-prod.iam.gserviceaccount.com",
				"attrs.gcp.delegated_by": "alice@acme.example"}},
	})
}
