package decode_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest/decode"
)

// TestPackedStrings: a decoder that packs each message's strings into one
// allocation decodes every golden input to the same outcome as one that
// does not, and the events of earlier messages are unchanged after the same
// decoder decoded every later one.
func TestPackedStrings(t *testing.T) {
	plain := newDecoder(t).WithSources(decode.Sources{TopicTenants: map[string]string{"golden": "default-tenant"}})
	packed := newDecoder(t).WithSources(decode.Sources{TopicTenants: map[string]string{"golden": "default-tenant"}}).PackStrings()
	var want, got []outcome
	for _, in := range goldenInputs(t) {
		msg, err := os.ReadFile(in)
		require.NoError(t, err)
		want = append(want, clone(decodeOutcome(plain, msg)))
		got = append(got, clone(decodeOutcome(packed, msg)))
	}
	require.Equal(t, want, got)
}

// clone copies the events out of the decoder's reused slice (their
// strings stay where the decoder put them).
func clone(o outcome) outcome {
	o.Events = append([]decoded(nil), o.Events...)
	return o
}
