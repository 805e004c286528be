package decode

import (
	"strings"

	"github.com/valyala/fastjson"

	"github.com/credwatch/credwatch/event"
)

// gcpActions maps the Google Cloud calls that read or change a secret or a
// credential onto the catalogue, keyed "service:Method" (see gcpService and
// gcpMethod).
var gcpActions = map[string]string{
	"secretmanager:AccessSecretVersion":             "secret.read",
	"secretmanager:ListSecrets":                     "secret.list",
	"secretmanager:ListSecretVersions":              "secret.list",
	"secretmanager:CreateSecret":                    "secret.create",
	"secretmanager:AddSecretVersion":                "secret.update",
	"secretmanager:UpdateSecret":                    "secret.update",
	"secretmanager:EnableSecretVersion":             "secret.update",
	"secretmanager:DisableSecretVersion":            "secret.update",
	"secretmanager:DeleteSecret":                    "secret.delete",
	"secretmanager:DestroySecretVersion":            "secret.delete",
	"k8s.io:io.k8s.core.v1.secrets.get":             "secret.read", // GKE's Kubernetes audit, in Cloud Logging
	"k8s.io:io.k8s.core.v1.secrets.list":            "secret.list",
	"k8s.io:io.k8s.core.v1.secrets.watch":           "secret.list",
	"iamcredentials:GenerateAccessToken":            "token.create", // a service account impersonated
	"iamcredentials:GenerateIdToken":                "token.create",
	"iamcredentials:SignJwt":                        "token.create",
	"iamcredentials:SignBlob":                       "token.create",
	"sts:ExchangeToken":                             "token.create", // workload identity federation
	"iam:CreateServiceAccountKey":                   "token.create",
	"iam:UploadServiceAccountKey":                   "token.create",
	"iam:DeleteServiceAccountKey":                   "token.revoke",
	"iam:DisableServiceAccountKey":                  "token.update_status",
	"iam:EnableServiceAccountKey":                   "token.update_status",
	"apikeys:CreateKey":                             "token.create",
	"apikeys:DeleteKey":                             "token.revoke",
	"apikeys:GetKeyString":                          "secret.read", // an API key's value read back
	"oauth2:google.login.LoginService.loginSuccess": "auth.logon",
	"login:google.login.LoginService.loginSuccess":  "auth.logon", // Google Workspace sign-ins, in Cloud Logging
	"login:google.login.LoginService.loginFailure":  "auth.logon",
}

// gcpFailedCalls are the calls that record a failure with no status: a
// Workspace sign-in that failed.
var gcpFailedCalls = map[string]bool{"login:google.login.LoginService.loginFailure": true}

// gcpAction maps an API call ("secretmanager:AccessSecretVersion") to a
// catalogue action; ok is false for any other call, which keeps its name.
func gcpAction(api string) (string, bool) {
	if a, ok := gcpActions[api]; ok {
		return a, true
	}
	return api, false
}

// gcpService is a serviceName without ".googleapis.com", lower-cased.
func gcpService(serviceName string) string {
	return strings.TrimSuffix(strings.ToLower(strings.TrimSpace(serviceName)), ".googleapis.com")
}

// gcpMethod is a gRPC methodName's method
// ("google.cloud.secretmanager.v1.SecretManagerService.AccessSecretVersion"
// → "AccessSecretVersion"); a REST-style name whose last part is lower-case
// ("storage.objects.get", "io.k8s.core.v1.secrets.get") is kept whole.
func gcpMethod(methodName string) string {
	m := strings.TrimSpace(methodName)
	i := strings.LastIndexByte(m, '.')
	if i < 0 || i+1 == len(m) {
		return m
	}
	if last := m[i+1]; last >= 'A' && last <= 'Z' {
		return m[i+1:]
	}
	return m
}

// gcpOutcome: no status, or code 0, is a success; PERMISSION_DENIED (7)
// and UNAUTHENTICATED (16) are denied; any other code a failure. The code
// and message go to attrs.
func (r *reader) gcpOutcome(p *fastjson.Value, ev *event.Event) string {
	st := r.obj(p, "status", "protoPayload.status")
	code, _ := r.inRange(st, "code", "protoPayload.status.code", 0, 1<<31)
	if msg := r.str(st, "message", "protoPayload.status.message", r.limits.MaxText); msg != "" {
		setAttr(ev, "gcp.error_message", bounded(msg, maxErrorMessage))
	}
	switch code {
	case 0:
		return "success"
	case 7, 16:
		setAttr(ev, "gcp.status_code", gcpCodes[int(code)])
		return "denied"
	}
	setAttr(ev, "gcp.status_code", gcpCodes[int(code)])
	return "failure"
}

// gcpCodes names google.rpc.Code values.
var gcpCodes = map[int]string{1: "CANCELLED", 2: "UNKNOWN", 3: "INVALID_ARGUMENT", 4: "DEADLINE_EXCEEDED",
	5: "NOT_FOUND", 6: "ALREADY_EXISTS", 7: "PERMISSION_DENIED", 8: "RESOURCE_EXHAUSTED", 9: "FAILED_PRECONDITION",
	10: "ABORTED", 11: "OUT_OF_RANGE", 12: "UNIMPLEMENTED", 13: "INTERNAL", 14: "UNAVAILABLE", 15: "DATA_LOSS",
	16: "UNAUTHENTICATED"}
