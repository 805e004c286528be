package decode_test

import (
	"testing"

	"github.com/credwatch/credwatch/ingest/decode"
)

// TestGCPWorkspaceSignIns: Google Workspace sign-ins that Cloud Logging
// carries (login.googleapis.com) are sign-ins, and a failed one a failure
// though its entry has no status; Google's own warnings keep their names.
func TestGCPWorkspaceSignIns(t *testing.T) {
	login := func(method, user, ip string) string {
		return gcpEntry(set("protoPayload.serviceName", "login.googleapis.com"), set("protoPayload.methodName", "google.login.LoginService."+method),
			set("protoPayload.authenticationInfo", obj{"principalEmail": user}), set("protoPayload.requestMetadata", obj{"callerIp": ip}),
			set("protoPayload.status", remove), set("protoPayload.resourceName", "organizations/123"),
			set("protoPayload.metadata", obj{"@type": "type.googleapis.com/ccc_hosted_reporting.ActivityProto",
				"event": []any{obj{"eventName": "login", "eventType": "login"}}}),
			set("resource", obj{"type": "audited_resource", "labels": obj{"service": "login.googleapis.com"}}),
			set("logName", "organizations/123/logs/cloudaudit.googleapis.com%2Fdata_access"))
	}
	cases := []adapterCase{
		{name: "signed in", msg: login("loginSuccess", "ana@acme.example", "203.0.113.9"), want: map[string]string{"action": "auth.logon",
			"outcome": "success", "actor.id": "ana@acme.example", "source.ip": "203.0.113.9", "attrs.gcp.api": "login:google.login.LoginService.loginSuccess"}},
		{name: "failed", msg: login("loginFailure", "raj@acme.example", "2001:db8::7"), want: map[string]string{"action": "auth.logon",
			"outcome": "failure", "actor.id": "raj@acme.example", "source.ip": "2001:db8::7"}},
		{name: "a suspicious sign-in Google flagged", msg: login("suspiciousLogin", "ana@acme.example", "185.220.101.4"),
			want: map[string]string{"action": "login:google.login.LoginService.suspiciousLogin", "source.ip": "185.220.101.4"}},
	}
	runAdapterCases(t, "", cases)
	runAdapterCases(t, decode.FormatGCP, cases)
}
