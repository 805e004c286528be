package event_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
)

// TestWireCarriesVendorEvents decodes every vendor and contract sample in
// testdata/decode (CloudTrail files of many records, Vault, Kubernetes,
// GitHub, OCSF, redacted secrets) as ingest does and sends what decodes
// through the wire form, one by one and as one frame: the same events come
// back, but for Raw and Unmapped.
func TestWireCarriesVendorEvents(t *testing.T) {
	t.Parallel()
	red, err := redact.New([]byte("wire-vendor-test-key-0123456789"))
	require.NoError(t, err)
	dec := decode.New(red, func() time.Time { return time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) }, decode.DefaultLimits()).
		WithSources(decode.Sources{DefaultTenant: "acme"}).CarryRemainder()
	var all []event.Event
	formats := map[string]bool{}
	require.NoError(t, filepath.WalkDir("../testdata/decode", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".json") {
			return err
		}
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		evs, err := dec.DecodeMessage(b, "credwatch.events")
		if err != nil {
			return nil // the err_ samples
		}
		for _, ev := range evs {
			all = append(all, ev)
			formats[ev.Format] = true
			roundTrip(t, ev)
		}
		return nil
	}))
	require.GreaterOrEqual(t, len(formats), 5, "samples of every vendor decoded: %v", formats)
	var f event.WireFrame
	for i := range all {
		f.Add(&all[i])
	}
	got, err := event.DecodeWireMessage(f.Bytes())
	require.NoError(t, err)
	require.Len(t, got, len(all))
	for i := range all {
		all[i].Raw, all[i].Unmapped = nil, nil
		require.Equal(t, all[i], got[i])
	}
}
