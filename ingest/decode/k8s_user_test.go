package decode_test

import (
	"strings"
	"testing"
)

// saUser is payments/api's pod-bound token.
var saUser = obj{"username": "system:serviceaccount:payments:api", "groups": []string{"system:serviceaccounts"},
	"extra": obj{
		"authentication.kubernetes.io/credential-id": []string{"JTI=4f7c"},
		"authentication.kubernetes.io/pod-name":      []string{"api-0"},
		"authentication.kubernetes.io/pod-uid":       []string{"uid-0"},
		"authentication.kubernetes.io/node-name":     []string{"node-1"},
	}}

// k8sUserCases: actors, credentials and workloads.
var k8sUserCases = []adapterCase{
	{name: "user with a client certificate", msg: k8sEvent("get", secretRef),
		want: map[string]string{"actor.id": "alice@example.com", "actor.type": "user", "token.id": "X509SHA256=abc",
			"token.owner": "alice@example.com", "attrs.k8s.groups": "devs,system:authenticated", "workload.id": ""}},
	{name: "pod-bound service account", msg: k8sEvent("get", secretRef, set("user", saUser)),
		want: map[string]string{"actor.id": "system:serviceaccount:payments:api", "actor.type": "service", "token.id": "JTI=4f7c",
			"token.owner": "system:serviceaccount:payments:api", "token.workload": "pod:payments/api-0", "workload.id": "pod:payments/api-0",
			"attrs.k8s.pod_uid": "uid-0", "attrs.k8s.node": "node-1"}},
	{name: "service account without credential id", msg: k8sEvent("get", secretRef, set("user", obj{"username": "system:serviceaccount:a:b"})),
		want: map[string]string{"token.id": "serviceaccount:a/b", "token.owner": "system:serviceaccount:a:b", "actor.type": "service"}},
	{name: "legacy service account token off the cluster", msg: k8sEvent("create", obj{"resource": "pods", "namespace": "ci", "name": "runner-1", "subresource": "exec"},
		set("user", obj{"username": "system:serviceaccount:ci:deployer", "groups": []string{"system:serviceaccounts"}}), set("sourceIPs", []string{"203.0.113.9"})),
		want: map[string]string{"token.id": "serviceaccount:ci/deployer", "token.owner": "system:serviceaccount:ci:deployer", "workload.id": ""}},
	{name: "impersonating a service account names the caller's credential", msg: k8sEvent("get", secretRef,
		set("user", obj{"username": "system:serviceaccount:ops:robot"}), set("impersonatedUser", obj{"username": "system:serviceaccount:payments:api"})),
		want: map[string]string{"token.id": "serviceaccount:ops/robot", "actor.id": "system:serviceaccount:payments:api"}},
	{name: "pod name without a service account", msg: k8sEvent("get", secretRef,
		setKey([]string{"p"}, "user", "extra", "authentication.kubernetes.io/pod-name")), want: map[string]string{"token.workload": "", "workload.id": ""}},
	{name: "impersonation", msg: k8sEvent("get", secretRef, set("impersonatedUser", obj{"username": "bob@example.com", "groups": []string{"ops"}})),
		want: map[string]string{"actor.id": "bob@example.com", "actor.type": "user", "attrs.k8s.impersonator": "alice@example.com",
			"token.id": "X509SHA256=abc", "token.owner": "alice@example.com", "attrs.k8s.groups": "ops"}},
	{name: "impersonating a service account", msg: k8sEvent("get", secretRef, set("impersonatedUser", obj{"username": "system:serviceaccount:payments:api"})),
		want: map[string]string{"actor.type": "service", "token.owner": "alice@example.com", "workload.id": ""}},
	{name: "impersonated user without a name", msg: k8sEvent("get", secretRef, set("impersonatedUser", obj{"groups": []string{"x"}})),
		want: map[string]string{"actor.id": "alice@example.com", "attrs.k8s.impersonator": ""}},
	{name: "node", msg: k8sEvent("get", secretRef, set("user", obj{"username": "system:node:n1"})), want: map[string]string{"actor.type": "service"}},
	{name: "control plane", msg: k8sEvent("get", secretRef, set("user", obj{"username": "system:kube-controller-manager"})),
		want: map[string]string{"actor.type": "service"}},
	{name: "apiserver", msg: k8sEvent("get", secretRef, set("user", obj{"username": "system:apiserver"})), want: map[string]string{"actor.type": "service"}},
	{name: "system admin is a user", msg: k8sEvent("get", secretRef, set("user", obj{"username": "system:admin"})), want: map[string]string{"actor.type": "user"}},
	{name: "anonymous", msg: k8sEvent("get", secretRef, set("user", obj{"username": "system:anonymous"}), set("responseStatus.code", 401)),
		want: map[string]string{"actor.type": "anonymous", "outcome": "denied"}},
	{name: "missing user", msg: k8sEvent("get", secretRef, set("user", remove)),
		want: map[string]string{"actor.id": "", "actor.type": "", "token.id": ""}},
	{name: "user of another type", msg: k8sEvent("get", secretRef, set("user", []string{"alice"})),
		want: map[string]string{"actor.id": "", "warnings": "user:wrong_type"}},
	{name: "huge username", msg: k8sEvent("get", secretRef, set("user.username", strings.Repeat("u", 300))),
		want: map[string]string{"actor.id": "", "warnings": "user.username:too_long"}},
	{name: "placeholder username", msg: k8sEvent("get", secretRef, set("user.username", "N/A")),
		want: map[string]string{"actor.id": "", "warnings": "user.username:placeholder"}},
	{name: "credential id not a list", msg: k8sEvent("get", secretRef, setKey("JTI=x", "user", "extra", "authentication.kubernetes.io/credential-id")),
		want: map[string]string{"token.id": "", "warnings": "user.extra.authentication.kubernetes.io/credential-id:wrong_type"}},
	{name: "placeholder credential id", msg: k8sEvent("get", secretRef, setKey([]string{"-"}, "user", "extra", "authentication.kubernetes.io/credential-id")),
		want: map[string]string{"token.id": "", "warnings": "user.extra.authentication.kubernetes.io/credential-id:placeholder"}},
	{name: "eks access key id", msg: k8sEvent("get", secretRef, set("user.extra", obj{"accessKeyId": []string{"EXAMPLEKEYID"},
		"canonicalArn": []string{"arn:aws:iam::123456789012:role/dev"}})),
		want: map[string]string{"token.id": "EXAMPLEKEYID", "attrs.k8s.aws_arn": "arn:aws:iam::123456789012:role/dev"}},
	{name: "groups of another type", msg: k8sEvent("get", secretRef, set("user.groups", "devs")),
		want: map[string]string{"attrs.k8s.groups": "", "warnings": "user.groups:wrong_type"}},
}

// TestK8sUsers decodes k8sUserCases.
func TestK8sUsers(t *testing.T) { runAdapterCases(t, "k8s", k8sUserCases) }
