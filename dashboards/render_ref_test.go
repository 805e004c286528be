package dashboards_test

import (
	"testing"

	"github.com/grafana/grafana-foundation-sdk/go/cog/variants"
	"github.com/grafana/grafana-foundation-sdk/go/prometheus"
	"github.com/stretchr/testify/require"
)

// refIDOf is a Prometheus query's refId, which it must have.
func refIDOf(t *testing.T, q variants.Dataquery) string {
	pq, ok := q.(prometheus.Dataquery)
	require.True(t, ok, "a query of type %T", q)
	require.NotNil(t, pq.RefId)
	require.Equal(t, "${prometheus}", *pq.Datasource.Uid)
	return *pq.RefId
}
