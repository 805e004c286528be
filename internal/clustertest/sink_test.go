package clustertest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/store"
)

// checkSink reads the sink's alerts back through the Distributed tables:
// each alert once at its newest revision, its evidence, and the same again
// after every update is written a second time (a replayed detect batch).
func (c *cluster) checkSink(t *testing.T, st *store.Store, sink *alertsink.Sink, rec *recorder) {
	ctx := context.Background()
	ids := map[string]bool{}
	for _, u := range rec.all() {
		ids[u.Alert.ID] = true
	}
	stored, err := alertsink.Recent(ctx, st.Conn(), "acme", alertsink.MaxRecent)
	require.NoError(t, err)
	require.Len(t, stored, len(ids), "each alert once")
	var moved string
	for _, a := range stored {
		require.True(t, ids[a.ID], "stored alert %s was written", a.ID)
		if a.Credential == "tok-moved" && a.Rule == "first_seen_asn" {
			moved = a.ID
		}
	}
	require.NotEmpty(t, moved, "the first-seen network alert is stored")
	evidence, err := alertsink.Evidence(ctx, st.Conn(), "acme", moved)
	require.NoError(t, err)
	require.Contains(t, evidence, "l-moved")

	require.NoError(t, sink.Write(ctx, rec.all()))
	require.Equal(t, uint64(len(ids)), count(t, st, "SELECT count() FROM alerts_latest WHERE tenant = 'acme'"),
		"written twice, still one alert each")
	t.Logf("figure: alerts stored %d, alert rows per node %v", len(ids), c.localCounts(t, "alerts_local", "tenant = 'acme'"))
}
