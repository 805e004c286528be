package ingest_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/ingest/decode"
)

// TestFigureVendorSamplesStored ingests every vendor sample as the
// vendor wrote it (OCSF from GitHub, Okta, CloudTrail, EKS and Windows;
// native Vault, Kubernetes, CloudTrail, GitHub, Google Cloud, Azure and
// Okta), with only a default
// tenant configured: every event is stored, none dead-lettered, and each
// row says which format it came in.
func TestFigureVendorSamplesStored(t *testing.T) {
	e := newEnv(t, 4)
	e.sources = decode.Sources{DefaultTenant: "default-tenant"}
	var values [][]byte
	for _, f := range vendorInputs(t) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		values = append(values, b)
	}
	rows, rejects := predict(t, e.sources, values)
	require.Zero(t, rejects, "no vendor sample is rejected")
	produce(t, e.brokers, values...)
	stop := e.runIngest(t, ingest.Config{BatchSize: 100, BatchTimeout: 50 * time.Millisecond})
	e.waitStored(t, uint64(rows), time.Minute)
	require.NoError(t, stop())
	formats := map[string]uint64{}
	q, err := e.store.Conn().Query(context.Background(), "SELECT format, count() FROM events_unique GROUP BY format")
	require.NoError(t, err)
	for q.Next() {
		var f string
		var n uint64
		require.NoError(t, q.Scan(&f, &n))
		formats[f] = n
	}
	require.NoError(t, q.Err())
	var total uint64
	for _, n := range formats {
		total += n
	}
	require.Equal(t, uint64(rows), total)
	t.Logf("figure: %d vendor messages → %d events stored (distinct tenant, time, id: some samples share ids), 0 dead letters; by format %v", len(values), total, formats)
}
