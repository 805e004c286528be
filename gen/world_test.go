package gen_test

import (
	"net/netip"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/gen"
)

func TestWorldLooksLikeAPlatform(t *testing.T) {
	w := gen.NewWorld(12, 200, start)
	require.Len(t, w.Orgs, 200)
	sizes := make([]int, len(w.Orgs))
	for i, o := range w.Orgs {
		sizes[i] = len(o.Users)
		require.NotEmpty(t, o.Admins)
		require.NotEmpty(t, o.Repos)
		require.NotEmpty(t, o.Spaces)
	}
	slices.Sort(sizes)
	require.GreaterOrEqual(t, sizes[len(sizes)-1], 200, "a few orgs have hundreds of users")
	require.LessOrEqual(t, sizes[len(sizes)/2], 10, "most orgs have 1–10")

	var bound, old int
	for _, s := range w.Spaces {
		require.True(t, len(s.Secrets) >= 1 && len(s.Secrets) <= 6, s.ID)
		if s.Token != nil {
			bound++
			require.Equal(t, "space:"+s.ID, s.Token.Workload)
		}
	}
	require.Greater(t, bound, len(w.Spaces)/2)
	for _, u := range w.Users {
		require.True(t, netip.MustParseAddr(u.Home.IP).IsGlobalUnicast(), u.Home.IP)
		require.Contains(t, gen.CountryCodes(), u.Home.Country)
		for _, tok := range u.Tokens {
			require.True(t, tok.CreatedAt.Before(start))
			if start.Sub(tok.CreatedAt) > 365*24*time.Hour {
				old++
			}
		}
	}
	require.Greater(t, old, len(w.Users)/10, "some tokens are over a year old")
	for _, s := range w.Services {
		require.Contains(t, []uint32{16509, 15169, 8075}, s.Home.ASN)
		require.True(t, s.AllDay)
	}
	require.NotEmpty(t, w.Services)
}
