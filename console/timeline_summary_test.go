package console

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestSummaryOrdersAndBoundsNetworks: the busiest networks first, ties by
// ASN then country, at most maxNetworks of them, whatever order the groups
// arrive in; hours in time order.
func TestSummaryOrdersAndBoundsNetworks(t *testing.T) {
	networks := map[netKey]uint64{{asn: 9, country: "US"}: 5, {asn: 3, country: "DE"}: 5, {asn: 3, country: "AT"}: 5,
		{asn: 1, country: "FR"}: 7}
	for i := range 150 {
		networks[netKey{asn: uint32(1000 + i), country: fmt.Sprint(i % 7)}] = 1
	}
	got := networkUses(networks)
	require.Len(t, got, maxNetworks)
	require.Equal(t, []NetworkUse{{ASN: 1, Country: "FR", Events: 7}, {ASN: 3, Country: "AT", Events: 5},
		{ASN: 3, Country: "DE", Events: 5}, {ASN: 9, Country: "US", Events: 5}, {ASN: 1000, Country: "0", Events: 1}}, got[:5])
	require.Equal(t, uint32(1095), got[maxNetworks-1].ASN)

	t0 := time.Date(2026, 11, 30, 23, 0, 0, 0, time.UTC)
	hours := hourlyUses(map[time.Time]uint64{t0.Add(2 * time.Hour): 1, t0: 4, t0.Add(-30 * 24 * time.Hour): 2})
	require.Equal(t, []HourlyUse{{Hour: t0.Add(-30 * 24 * time.Hour), Events: 2}, {Hour: t0, Events: 4},
		{Hour: t0.Add(2 * time.Hour), Events: 1}}, hours)
}
