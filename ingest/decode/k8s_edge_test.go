package decode_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// k8sEdgeCases: stages, times, outcomes, sources, tenants and rejections.
var k8sEdgeCases = []adapterCase{
	{name: "request received skipped", msg: k8sEvent("get", secretRef, set("stage", "RequestReceived"), set("responseStatus", remove)), skipped: true},
	{name: "response started skipped", msg: k8sEvent("watch", secretRef, set("stage", "ResponseStarted")), skipped: true},
	{name: "panic", msg: k8sEvent("get", secretRef, set("stage", "Panic"), set("responseStatus", remove)),
		want: map[string]string{"outcome": "failure", "action": "secret.read"}},
	{name: "unknown stage kept", msg: k8sEvent("get", secretRef, set("stage", "Later")), want: map[string]string{"warnings": "stage:invalid_value"}},
	{name: "missing stage kept", msg: k8sEvent("get", secretRef, set("stage", remove)), want: map[string]string{"action": "secret.read", "warnings": ""}},
	{name: "stage time", msg: k8sEvent("get", secretRef), want: map[string]string{"time": "2026-11-20T10:00:00.2Z"}},
	{name: "received time without stage time", msg: k8sEvent("get", secretRef, set("stageTimestamp", remove)),
		want: map[string]string{"time": "2026-11-20T10:00:00.1Z"}},
	{name: "bad stage time falls back", msg: k8sEvent("get", secretRef, set("stageTimestamp", "soon")),
		want: map[string]string{"time": "2026-11-20T10:00:00.1Z", "warnings": "stageTimestamp:bad_time"}},
	{name: "no time", msg: k8sEvent("get", secretRef, set("stageTimestamp", remove), set("requestReceivedTimestamp", remove)),
		errAt: "requestReceivedTimestamp", errWhy: decode.ReasonMissing},
	{name: "no verb", msg: k8sEvent("", secretRef), errAt: "verb", errWhy: decode.ReasonMissing},
	{name: "forbidden", msg: k8sEvent("get", secretRef, set("responseStatus.code", 403)), want: map[string]string{"outcome": "denied"}},
	{name: "unauthorized", msg: k8sEvent("get", secretRef, set("responseStatus.code", 401)), want: map[string]string{"outcome": "denied"}},
	{name: "not found", msg: k8sEvent("get", secretRef, set("responseStatus.code", 404)), want: map[string]string{"outcome": "failure"}},
	{name: "server error", msg: k8sEvent("get", secretRef, set("responseStatus.code", 500)), want: map[string]string{"outcome": "failure"}},
	{name: "created", msg: k8sEvent("create", secretRef, set("responseStatus.code", 201)), want: map[string]string{"outcome": "success"}},
	{name: "no code", msg: k8sEvent("get", secretRef, set("responseStatus", remove)), want: map[string]string{"outcome": "unknown"}},
	{name: "no code but forbid", msg: k8sEvent("get", secretRef, set("responseStatus", remove), setKey("forbid", "annotations", "authorization.k8s.io/decision")),
		want: map[string]string{"outcome": "denied", "attrs.k8s.authz_decision": "forbid"}},
	{name: "code as a string", msg: k8sEvent("get", secretRef, set("responseStatus.code", "200")),
		want: map[string]string{"outcome": "unknown", "warnings": "responseStatus.code:wrong_type"}},
	{name: "private source is internal", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"10.42.7.19"})),
		want: map[string]string{"source.ip": "10.42.7.19", "source.internal": "true", "attrs.k8s.source_ips": ""}},
	{name: "proxied sources", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"198.51.100.7", "10.0.0.5"})),
		want: map[string]string{"source.ip": "198.51.100.7", "source.internal": "", "attrs.k8s.source_ips": "198.51.100.7,10.0.0.5"}},
	{name: "private forwarded-for, public connection", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"10.40.3.7", "91.92.109.44"})),
		want: map[string]string{"source.ip": "91.92.109.44", "source.internal": "", "attrs.k8s.source_ips": "10.40.3.7,91.92.109.44"}},
	{name: "private chain, public at its end", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"fd00::7", "192.168.1.4", "2001:db8:1::9"})),
		want: map[string]string{"source.ip": "2001:db8:1::9", "source.internal": ""}},
	{name: "all private", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"10.40.3.7", "10.0.0.5"})),
		want: map[string]string{"source.ip": "10.40.3.7", "source.internal": "true"}},
	{name: "mapped ipv6", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"::ffff:198.51.100.7"})),
		want: map[string]string{"source.ip": "198.51.100.7"}},
	{name: "source with a port", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"198.51.100.7:443"})),
		want: map[string]string{"source.ip": "198.51.100.7", "warnings": "sourceIPs[0]:normalised"}},
	{name: "unknown source", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"unknown"})),
		want: map[string]string{"source.ip": "", "warnings": "sourceIPs[0]:placeholder"}},
	{name: "garbage source", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{"not an address"})),
		want: map[string]string{"source.ip": "", "warnings": "sourceIPs[0]:invalid_value"}},
	{name: "source of another type", msg: k8sEvent("get", secretRef, set("sourceIPs", []any{7})),
		want: map[string]string{"source.ip": "", "warnings": "sourceIPs[]:wrong_type"}},
	{name: "no sources", msg: k8sEvent("get", secretRef, set("sourceIPs", []string{})), want: map[string]string{"source.ip": ""}},
	{name: "user agent", msg: k8sEvent("get", secretRef), want: map[string]string{"source.user_agent": "kubectl/v1.34.1"}},
	{name: "tenant annotation", msg: k8sEvent("get", secretRef, setKey("acme", "annotations", "credwatch.io/tenant")),
		want: map[string]string{"tenant": "acme"}},
	{name: "other annotations are no tenant", msg: k8sEvent("get", secretRef), want: map[string]string{"tenant": "topic-tenant"}},
	{name: "annotations of another type", msg: k8sEvent("get", secretRef, set("annotations", "x")),
		want: map[string]string{"tenant": "topic-tenant", "warnings": "annotations:wrong_type"}},
	{name: "objectRef of another type", msg: k8sEvent("get", nil, set("objectRef", "secrets/db")),
		want: map[string]string{"action": "k8s.get", "warnings": "objectRef:wrong_type"}},
	{name: "no audit id derives one", msg: k8sEvent("get", secretRef, set("auditID", remove)),
		want: map[string]string{"request_id": "", "warnings": "id:derived"}},
}

// TestK8sEdges decodes k8sEdgeCases.
func TestK8sEdges(t *testing.T) { runAdapterCases(t, "k8s", k8sEdgeCases) }

// TestK8sNeverCopiesObjects: a Secret's data and a token under review or
// just minted reach no field or attribute.
func TestK8sNeverCopiesObjects(t *testing.T) {
	const secret = "czNjcjN0LVZBTFVF-do-not-copy"
	for _, msg := range []string{
		k8sEvent("get", secretRef, set("level", "RequestResponse"),
			set("responseObject", obj{"kind": "Secret", "data": obj{"password": secret}, "stringData": obj{"token": secret}})),
		k8sEvent("create", obj{"resource": "tokenreviews", "apiGroup": "authentication.k8s.io"},
			set("requestObject", obj{"spec": obj{"token": secret}}), set("responseObject", obj{"spec": obj{"token": secret},
				"status": obj{"user": obj{"username": "u", "extra": obj{"authentication.kubernetes.io/credential-id": []string{"JTI=r"}}}}})),
		k8sEvent("create", obj{"resource": "serviceaccounts", "subresource": "token", "namespace": "payments", "name": "api"},
			set("responseObject", obj{"status": obj{"token": secret}})),
	} {
		ev, _, err := decodeAs(t, "k8s", msg)
		require.NoError(t, err)
		ev.Raw = nil
		b, err := json.Marshal(ev)
		require.NoError(t, err)
		require.NotContains(t, string(b), secret)
	}
}

// TestK8sAsPipelinesShipThem: an audit event whose pipeline dropped its
// apiVersion (Falco's captures, some shippers) is still detected by its
// auditID, verb and requestURI; audit.k8s.io/v1alpha1's single timestamp
// is its time; a message with an auditID alone is not taken for one.
func TestK8sAsPipelinesShipThem(t *testing.T) {
	runAdapterCases(t, "", []adapterCase{
		{name: "no apiVersion, no kind", msg: k8sEvent("get", secretRef, set("apiVersion", remove), set("kind", remove)),
			want: map[string]string{"action": "secret.read", "format": "k8s.audit", "actor.id": "alice@example.com"}},
		{name: "v1alpha1's timestamp", msg: k8sEvent("list", secretRef, set("apiVersion", "audit.k8s.io/v1alpha1"), set("stageTimestamp", remove),
			set("requestReceivedTimestamp", remove), set("timestamp", "2017-09-11T20:29:04Z")),
			want: map[string]string{"action": "secret.list", "time": "2017-09-11T20:29:04Z"}},
	})
	_, _, err := decodeAs(t, "", `{"auditID":"a-1","time":"2026-11-20T10:00:00Z"}`)
	requireRefused(t, err, "id", decode.ReasonMissing, "auditID alone is a contract event")
}

// TestK8sWebhookEventList: what the audit webhook backend posts, an
// EventList, gives each of its events (a stage that repeats another
// skipped), detected or under --format k8s; a bad one is named by index.
func TestK8sWebhookEventList(t *testing.T) {
	item := func(verb string, changes ...func(obj)) json.RawMessage {
		return json.RawMessage(k8sEvent(verb, secretRef, changes...))
	}
	list := func(items ...json.RawMessage) string {
		b, err := json.Marshal(obj{"kind": "EventList", "apiVersion": "audit.k8s.io/v1", "metadata": obj{}, "items": items})
		require.NoError(t, err)
		return string(b)
	}
	for _, format := range []string{"", decode.FormatK8s} {
		evs, de := decodeAll(t, format, list(item("get", set("auditID", "a-1")), item("get", set("auditID", "a-2"), set("stage", "RequestReceived")),
			item("list", set("auditID", "a-3"))))
		require.Nil(t, de)
		require.Len(t, evs, 2)
		require.Equal(t, []string{"secret.read", "secret.list"}, []string{evs[0].Action, evs[1].Action})
		_, de = decodeAll(t, format, list(item("get"), item("get", set("verb", ""))))
		require.Equal(t, "items[1].verb", de.Field)
	}
}
