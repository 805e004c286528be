package decode_test

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// cwControl is the message CloudWatch Logs sends to check a destination.
const cwControl = `{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],` +
	`"logEvents":[{"id":"","timestamp":1763626530000,"message":"CWL CONTROL MESSAGE: Checking health of destination Kinesis stream."}]}`

// TestCloudWatchLogsNothingToKeep: a control message and a data message
// without log events are skipped, not rejected.
func TestCloudWatchLogsNothingToKeep(t *testing.T) {
	for name, msg := range map[string]string{"control": cwControl, "empty": cwEnvelope(),
		"only vault request entries": cwEnvelope(vaultEntry("secret/data/a", "read", set("type", "request")))} {
		evs, de := decodeAll(t, "", msg)
		require.Nil(t, de, name)
		require.Empty(t, evs, name)
	}
}

// TestCloudWatchLogsMixedVendors: each log event's format is detected (or
// the topic's applies), so Vault and Kubernetes entries shipped through
// CloudWatch Logs decode as they do alone.
func TestCloudWatchLogsMixedVendors(t *testing.T) {
	vault := vaultEntry("secret/data/a", "read", set("request.namespace", obj{"id": "n", "path": "team/"}))
	msg := cwEnvelope(ctCall("c-1", "123456789012", "us-east-1", "2026-11-20T08:15:30Z"), vault,
		vaultEntry("secret/data/a", "read", set("type", "request")), k8sEvent("get", secretRef))
	evs, de := decodeAll(t, "", msg)
	require.Nil(t, de)
	require.Len(t, evs, 3)
	require.Equal(t, []string{event.FormatCloudTrail, event.FormatVault, event.FormatK8s}, []string{evs[0].Format, evs[1].Format, evs[2].Format})
	evs, de = decodeAll(t, "vault", cwEnvelope(vault, vault))
	require.Nil(t, de)
	require.Len(t, evs, 2)
	_, de = decodeAll(t, "vault", cwEnvelope(vault, ctCall("c-1", "1", "us-east-1", "2026-11-20T08:15:30Z")))
	require.Equal(t, "logEvents[1].message.type", de.Field, "the topic's format applies to each record")
}

// TestCloudWatchLogsScrubbed: credentials inside a log event's message
// (a pattern, or a Vault entry's raw data) reach neither the events nor a
// dead letter of the envelope.
func TestCloudWatchLogsScrubbed(t *testing.T) {
	const plain = "pl41n-s3cr3t-from-log-raw"
	vault := vaultEntry("secret/data/a", "update", set("request.data", obj{"password": plain}), set("request.namespace.path", "team/"))
	ct := ctRecord(`,"userIdentity":{"type":"IAMUser","accessKeyId":"AKIAIOSFODNN7EXAMPLZ"}`)
	d := newDecoder(t).CarryRemainder()
	msg := []byte(cwEnvelope(vault, ct, ctRecord(`,"eventTime":7`)))
	evs, err := d.DecodeMessage(msg, "t")
	require.Error(t, err)
	require.Len(t, evs, 2)
	for _, ev := range evs {
		require.NotEmpty(t, ev.Redactions)
		for _, b := range [][]byte{ev.Raw, ev.Unmapped} {
			require.NotContains(t, string(b), plain)
			require.NotContains(t, string(b), "AKIAIOSFODNN7EXAMPLZ")
		}
	}
	letter := string(d.Scrub(msg))
	require.NotContains(t, letter, plain)
	require.NotContains(t, letter, "AKIAIOSFODNN7EXAMPLZ")
	require.Contains(t, letter, `"logEvents":[`)
}

// gz compresses msg as CloudWatch Logs does for Kinesis.
func gz(msg []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, _ = w.Write(msg)
	_ = w.Close()
	return b.Bytes()
}

// TestCloudWatchLogsGzip: a gzipped envelope decodes as the plain one;
// output past the message limit, or a corrupt stream, is rejected. A dead
// letter is the scrubbed JSON, never compressed bytes; empty when the
// stream does not inflate whole.
func TestCloudWatchLogsGzip(t *testing.T) {
	plain := []byte(cwEnvelope(ctCall("z-1", "123456789012", "us-east-1", "2026-11-20T08:15:30Z"), cwControl))
	d := newDecoder(t)
	evs, err := d.DecodeMessage(gz(plain), "t")
	require.Error(t, err, "the control message inside is not a record")
	require.Len(t, evs, 1)
	require.Equal(t, "z-1", evs[0].ID)
	require.False(t, bytes.HasPrefix(d.Scrub(gz(plain)), []byte{0x1f, 0x8b}))
	bomb := gz([]byte(cwEnvelope(strings.Repeat(" ", decode.DefaultLimits().MaxMessage))))
	require.Less(t, len(bomb), 4<<10)
	_, de := decodeAll(t, "", string(bomb))
	require.Equal(t, decode.ReasonTooLarge, de.Reason)
	require.Empty(t, d.Scrub(gz([]byte(`{"key":"AKIAIOSFODNN7EXAMPLZ"}`))[:30]), "cut short: nothing to scrub safely")
	require.Empty(t, d.Scrub(bomb))
	_, de = decodeAll(t, "", string(gz(plain)[:40]))
	require.Equal(t, decode.ReasonNotJSON, de.Reason)
}
