package gen_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/gen"
)

func TestConfigRejectsNonsense(t *testing.T) {
	_, err := gen.New(gen.Config{Tenants: -1})
	require.ErrorContains(t, err, "tenants")
	_, err = gen.New(gen.Config{Rate: math.NaN()})
	require.ErrorContains(t, err, "rate")
}

func TestTinyAndLargeWorldsWork(t *testing.T) {
	for _, tenants := range []int{1, 3000} {
		g := newGen(t, gen.Config{Seed: 13, Tenants: tenants, Start: start})
		require.Len(t, g.World().Orgs, tenants)
		each(g, 20_000, func(ev *eventT) {
			if problem := violation(ev); problem != "" {
				t.Fatalf("%d tenants: %s: %+v", tenants, problem, ev)
			}
		})
	}
}

func TestZeroRegistryIsEmptyAndUsable(t *testing.T) {
	var r gen.Registry
	require.Empty(t, r.Names())
	r.Add(marker{})
	s, ok := r.Get("marker")
	require.True(t, ok)
	require.Equal(t, "marker", s.Name())
}
