package decode_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
)

// TestVaultAndK8sDetected: each format is told from the message alone (no
// --format, no default tenant), and a forced format maps the same event.
func TestVaultAndK8sDetected(t *testing.T) {
	cases := []struct {
		format, want, msg string
	}{
		{"vault", event.FormatVault, vaultEntry("secret/data/a", "read", set("request.namespace", obj{"id": "x1", "path": "acme/"}))},
		{"k8s", event.FormatK8s, k8sEvent("get", secretRef, setKey("acme", "annotations", "credwatch.io/tenant"))},
	}
	for _, c := range cases {
		t.Run(c.format, func(t *testing.T) {
			detected, err := newDecoder(t).Decode([]byte(c.msg))
			require.NoError(t, err)
			require.Equal(t, c.want, detected.Format)
			require.Equal(t, "acme", detected.Tenant)
			require.Equal(t, "secret.read", detected.Action)
			forced, err := newDecoder(t).WithSources(decode.Sources{Format: c.format}).Decode([]byte(c.msg))
			require.NoError(t, err)
			require.Equal(t, detected, forced)
		})
	}
}

// TestVaultAndK8sWithoutTenant: an entry of the root namespace, or an audit
// event without a tenant annotation, needs the topic's default tenant.
func TestVaultAndK8sWithoutTenant(t *testing.T) {
	for _, msg := range []string{vaultEntry("secret/data/a", "read"), k8sEvent("get", secretRef)} {
		_, err := newDecoder(t).Decode([]byte(msg))
		var de *decode.Error
		require.True(t, errors.As(err, &de), "want a rejection, got %v", err)
		require.Equal(t, "tenant", de.Field)
		require.Equal(t, decode.ReasonMissing, de.Reason)
	}
}

// TestVaultAndK8sSkippedFromMessageAlone: a detected Vault request entry
// and an early Kubernetes stage hold no event and are no error.
func TestVaultAndK8sSkippedFromMessageAlone(t *testing.T) {
	for _, msg := range []string{
		vaultEntry("secret/data/a", "read", set("type", "request")),
		k8sEvent("get", secretRef, set("stage", "RequestReceived")),
	} {
		evs, err := newDecoder(t).DecodeMessage([]byte(msg), "")
		require.NoError(t, err)
		require.Empty(t, evs)
	}
}

// TestForcedFormatWins: a topic forced to vault rejects a Kubernetes event
// instead of guessing.
func TestForcedFormatWins(t *testing.T) {
	_, err := newDecoder(t).WithSources(decode.Sources{Format: "vault", DefaultTenant: "t"}).Decode([]byte(k8sEvent("get", secretRef)))
	var de *decode.Error
	require.True(t, errors.As(err, &de), "want a rejection, got %v", err)
	require.Equal(t, "type", de.Field)
}
