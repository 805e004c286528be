package decode_test

import (
	"bytes"
	"os"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/require"
)

// TestShareInputKeepsTheMessageOrACopyOfItsOwn: with ShareInput a clean
// message's Raw is the message itself, and one that needed redaction keeps
// a scrubbed copy while the caller's message stays as it was; either way
// the events are the ones a copying decoder gives.
func TestShareInputKeepsTheMessageOrACopyOfItsOwn(t *testing.T) {
	for file, redacted := range map[string]bool{"v1_full.json": false, "v1_minimal.json": false,
		"v1_secrets_in_fields.json": true, "v1_escaped_secret.json": true, "v1_private_key.json": true,
		"ocsf_api_activity.json": false} {
		msg, err := os.ReadFile(goldenDir + "/" + file)
		require.NoError(t, err)
		orig := bytes.Clone(msg)
		want, err := newDecoder(t).DecodeMessage(bytes.Clone(msg), "t")
		require.NoError(t, err, file)
		got, err := newDecoder(t).PackStrings().ShareInput().DecodeMessage(msg, "t")
		require.NoError(t, err, file)
		require.Equal(t, want, got, file)
		require.Equal(t, orig, msg, "%s: the caller's message was written to", file)
		shared := unsafe.SliceData(got[0].Raw) == unsafe.SliceData(msg)
		require.Equal(t, !redacted, shared, "%s: Raw shares the message", file)
		require.Equal(t, len(got[0].Raw), cap(got[0].Raw), "%s: appending to Raw must not reach past it", file)
	}
}
