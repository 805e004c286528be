package decode_test

import (
	"testing"
)

// k8sEvent is a ResponseComplete audit event of alice's client certificate
// doing verb on ref (no objectRef when ref is nil), changed by changes.
func k8sEvent(verb string, ref obj, changes ...func(obj)) string {
	e := obj{
		"kind": "Event", "apiVersion": "audit.k8s.io/v1", "level": "Metadata", "auditID": "audit-1",
		"stage": "ResponseComplete", "requestURI": "/api/v1/namespaces/payments/secrets/db?timeout=5s", "verb": verb,
		"user": obj{"username": "alice@example.com", "groups": []string{"devs", "system:authenticated"},
			"extra": obj{"authentication.kubernetes.io/credential-id": []string{"X509SHA256=abc"}}},
		"sourceIPs": []string{"198.51.100.23"}, "userAgent": "kubectl/v1.34.1",
		"responseStatus":           obj{"metadata": obj{}, "code": 200},
		"requestReceivedTimestamp": "2026-11-20T10:00:00.100000Z", "stageTimestamp": "2026-11-20T10:00:00.200000Z",
		"annotations": obj{"authorization.k8s.io/decision": "allow", "authorization.k8s.io/reason": ""},
	}
	if ref != nil {
		e["objectRef"] = ref
	}
	return withChanges(e, changes)
}

// secretRef is payments/db, a core Secret.
var secretRef = obj{"resource": "secrets", "namespace": "payments", "name": "db", "apiVersion": "v1"}

// k8sActionCases: verbs on resources to actions, secrets and resources.
var k8sActionCases = []adapterCase{
	{name: "secret get", msg: k8sEvent("get", secretRef),
		want: map[string]string{"action": "secret.read", "secret.id": "payments/db", "secret.name": "db", "resource.type": "secret",
			"resource.id": "payments/db", "attrs.k8s.namespace": "payments", "id": "audit-1", "request_id": "audit-1"}},
	{name: "secret list", msg: k8sEvent("list", obj{"resource": "secrets", "namespace": "payments"}),
		want: map[string]string{"action": "secret.list", "secret.id": "payments/", "secret.name": ""}},
	{name: "secret list in all namespaces", msg: k8sEvent("list", obj{"resource": "secrets"}),
		want: map[string]string{"action": "secret.list", "secret.id": "", "resource.type": "secret", "attrs.k8s.namespace": ""}},
	{name: "secret watch", msg: k8sEvent("watch", secretRef), want: map[string]string{"action": "secret.list"}},
	{name: "secret create", msg: k8sEvent("create", secretRef), want: map[string]string{"action": "secret.create"}},
	{name: "secret update", msg: k8sEvent("update", secretRef), want: map[string]string{"action": "secret.update"}},
	{name: "secret patch", msg: k8sEvent("patch", secretRef), want: map[string]string{"action": "secret.update"}},
	{name: "secret delete", msg: k8sEvent("delete", secretRef), want: map[string]string{"action": "secret.delete"}},
	{name: "secret deletecollection", msg: k8sEvent("deletecollection", obj{"resource": "secrets", "namespace": "payments"}),
		want: map[string]string{"action": "secret.delete"}},
	{name: "other verb on a secret", msg: k8sEvent("escalate", secretRef), want: map[string]string{"action": "k8s.secrets.escalate", "secret.id": "payments/db"}},
	{name: "secrets of another api group", msg: k8sEvent("get", obj{"resource": "secrets", "apiGroup": "vault.example.io", "namespace": "payments", "name": "db"}),
		want: map[string]string{"action": "k8s.secrets.get", "secret.id": "", "resource.id": "secrets/payments/db"}},
	{name: "token request", msg: k8sEvent("create", obj{"resource": "serviceaccounts", "subresource": "token", "namespace": "payments", "name": "api"},
		setKey("JTI=new", "annotations", "authentication.kubernetes.io/issued-credential-id")),
		want: map[string]string{"action": "token.create", "token.id": "JTI=new", "token.owner": "system:serviceaccount:payments:api",
			"token.created_at": "2026-11-20T10:00:00.2Z", "resource.type": "token", "resource.id": "JTI=new",
			"attrs.k8s.caller_credential_id": "X509SHA256=abc"}},
	{name: "token request before 1.30", msg: k8sEvent("create", obj{"resource": "serviceaccounts", "subresource": "token", "namespace": "payments", "name": "api"},
		setKey("JTI=old", "annotations", "authentication.k8s.io/issued-credential-id")),
		want: map[string]string{"action": "token.create", "token.id": "JTI=old"}},
	{name: "token request without annotation", msg: k8sEvent("create", obj{"resource": "serviceaccounts", "subresource": "token", "namespace": "payments", "name": "api"}),
		want: map[string]string{"token.id": "", "token.created_at": "", "resource.id": "payments/api"}},
	{name: "service account get", msg: k8sEvent("get", obj{"resource": "serviceaccounts", "namespace": "payments", "name": "api"}),
		want: map[string]string{"action": "k8s.serviceaccounts.get", "resource.id": "serviceaccounts/payments/api", "token.id": "X509SHA256=abc"}},
	{name: "token review at Metadata level", msg: k8sEvent("create", obj{"resource": "tokenreviews", "apiGroup": "authentication.k8s.io"}),
		want: map[string]string{"action": "token.review", "token.id": "", "attrs.k8s.caller_credential_id": "X509SHA256=abc"}},
	{name: "pod exec", msg: k8sEvent("create", obj{"resource": "pods", "subresource": "exec", "namespace": "payments", "name": "api-0"}),
		want: map[string]string{"action": "k8s.pods.exec.create", "resource.id": "pods/payments/api-0", "resource.type": ""}},
	{name: "cluster-scoped", msg: k8sEvent("get", obj{"resource": "nodes", "name": "n1"}),
		want: map[string]string{"action": "k8s.nodes.get", "resource.id": "nodes/n1"}},
	{name: "list of a kind", msg: k8sEvent("list", obj{"resource": "configmaps", "namespace": "payments"}),
		want: map[string]string{"action": "k8s.configmaps.list", "resource.id": "configmaps/payments"}},
	{name: "non-resource request", msg: k8sEvent("get", nil, set("requestURI", "/healthz?verbose=1")),
		want: map[string]string{"action": "k8s.get", "resource.id": "/healthz"}},
}

// TestK8sActions decodes k8sActionCases.
func TestK8sActions(t *testing.T) { runAdapterCases(t, "k8s", k8sActionCases) }
