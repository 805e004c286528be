package gen_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/gen"
)

// busy is a registry whose oddities happen often, to see them in a short run.
func busy() *gen.Registry {
	return gen.NewRegistry(gen.Travel{PerUserDay: 1}, gen.VPN{PerUserDay: 1},
		gen.NewLaptop{PerUserDay: 1}, gen.FailedAuths{PerUserDay: 1})
}

func TestOdditiesShowUp(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 7, Start: start, Rate: 20, Registry: busy()})
	users := usersByID(g.World())
	agents := map[string][]string{}
	for _, u := range g.World().Users {
		agents[u.ID] = u.Agents
	}
	var vpn, abroad, failures, newAgent int
	each(g, 150_000, func(ev *eventT) {
		u := users[ev.Actor.ID]
		if u == nil || u.Type != "user" || ev.Source.ASN == 0 {
			return
		}
		switch {
		case gen.IsVPN(ev.Source.ASN):
			vpn++
		case ev.Source.Country != u.Home.Country:
			abroad++
		}
		if ev.Outcome == "failure" {
			failures++
		}
		if ev.Action == "token.use" && !slices.Contains(agents[u.ID], ev.Source.UserAgent) {
			newAgent++
		}
	})
	require.Greater(t, vpn, 100)
	require.Greater(t, abroad, 100)
	require.Greater(t, failures, 3000) // benign 2% of ~100k, plus bursts
	require.Greater(t, newAgent, 100)
}

func TestNoOdditiesLeavesThemOut(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 7, Start: start, Rate: 20, Registry: busy(), NoOddities: true})
	each(g, 100_000, func(ev *eventT) {
		require.False(t, gen.IsVPN(ev.Source.ASN), "VPN request without the vpn oddity")
	})
}
