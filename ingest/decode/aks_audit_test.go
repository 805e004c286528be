package decode_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// aksRecord is an AKS control plane's audit record as a diagnostic setting
// exports it (category kube-audit), the Kubernetes audit event in
// properties.log as an object, or as JSON text when asText.
func aksRecord(t *testing.T, category string, audit string, asText bool) string {
	var log any = json.RawMessage(audit)
	if asText {
		log = audit
	}
	b, err := json.Marshal(map[string]any{"category": category, "operationName": "Microsoft.ContainerService/managedClusters/diagnosticLogs/Read",
		"properties": map[string]any{"log": log, "stream": "stdout", "pod": "kube-apiserver-869d7bb754-kkg69", "containerID": "a64cba7f"},
		"resourceId": "/SUBSCRIPTIONS/AE2861B3-0001/RESOURCEGROUPS/PROD/PROVIDERS/MICROSOFT.CONTAINERSERVICE/MANAGEDCLUSTERS/PAYMENTS-AKS",
		"time":       "2026-11-20T10:00:00.3Z", "serviceBuild": "na"})
	require.NoError(t, err)
	return string(b)
}

// TestAKSAuditRecords: an AKS cluster's audit events, exported through
// Azure, are Kubernetes audit events in the cluster's subscription,
// whether the log is an object or JSON text, detected or under --format
// azure or k8s; a Secret's data in a RequestResponse event never reaches
// the stored record.
func TestAKSAuditRecords(t *testing.T) {
	for _, asText := range []bool{false, true} {
		for _, format := range []string{"", decode.FormatAzure, decode.FormatK8s} {
			for _, category := range []string{"kube-audit", "kube-audit-admin"} {
				ev, _, err := decodeAs(t, format, aksRecord(t, category, k8sEvent("get", secretRef), asText))
				require.NoError(t, err)
				require.Equal(t, "secret.read", ev.Action)
				require.Equal(t, "k8s.audit", ev.Format)
				require.Equal(t, "ae2861b3-0001", ev.Tenant)
				require.Equal(t, "alice@example.com", ev.Actor.ID)
				require.Equal(t, "198.51.100.23", ev.Source.IP)
			}
		}
		leaked := k8sEvent("get", secretRef, set("level", "RequestResponse"), set("responseObject",
			obj{"kind": "Secret", "apiVersion": "v1", "metadata": obj{"name": "db"}, "data": obj{"password": "aHVudGVyMi1wcm9kLWRi"}}))
		ev, _, err := decodeAs(t, "", aksRecord(t, "kube-audit", leaked, asText))
		require.NoError(t, err)
		require.False(t, strings.Contains(string(ev.Raw), "aHVudGVyMi1wcm9kLWRi"), "%s", ev.Raw)
		require.NotEmpty(t, ev.Redactions)
	}
	_, _, err := decodeAs(t, "", aksRecord(t, "kube-audit", k8sEvent("get", secretRef, set("requestReceivedTimestamp", remove),
		set("stageTimestamp", remove)), true))
	requireRefused(t, err, "properties.log.requestReceivedTimestamp", decode.ReasonMissing, "no time")
}

// TestAKSDeadLetterScrubbed: a rejected AKS record whose audit event, as
// JSON text, carries a Secret's data is dead-lettered without it.
func TestAKSDeadLetterScrubbed(t *testing.T) {
	leaked := k8sEvent("get", secretRef, set("level", "RequestResponse"), set("stageTimestamp", "soon"), set("requestReceivedTimestamp", "later"),
		set("responseObject", obj{"kind": "Secret", "apiVersion": "v1", "metadata": obj{"name": "db"}, "data": obj{"settings.ini": "aHVudGVyMi1wcm9kLWRi"}}))
	msg := aksRecord(t, "kube-audit", leaked, true)
	d := newDecoder(t)
	_, err := d.DecodeMessage([]byte(msg), "t")
	require.Error(t, err)
	out := d.Scrub([]byte(msg))
	require.NotContains(t, string(out), "aHVudGVyMi1wcm9kLWRi")
	require.Contains(t, string(out), "kube-audit")
}
