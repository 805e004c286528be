package gen_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/gen"
)

func TestMixIsRealistic(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 10, Start: start})
	users := usersByID(g.World())
	actions := map[string]int{}
	phases, outcomes, actors, kinds := map[string]int{}, map[string]int{}, map[string]int{}, map[string]int{}
	var internal, oldTokens, userEvents, working int
	each(g, 200_000, func(ev *eventT) {
		actions[ev.Action]++
		phases[ev.Workload.Phase]++
		outcomes[ev.Outcome]++
		actors[ev.Actor.Type]++
		kinds[ev.Token.Kind]++
		if ev.Source.Internal {
			internal++
		}
		if ev.Token.ID != "" && ev.Time.Sub(ev.Token.CreatedAt) > 365*24*time.Hour {
			oldTokens++
		}
		if u := users[ev.Actor.ID]; u != nil && u.Type == "user" {
			userEvents++
			if u.Working(ev.Time) {
				working++
			}
		}
	})
	for action, n := range actions {
		require.LessOrEqual(t, n, actions["token.use"], "%s outnumbers token.use", action)
	}
	require.GreaterOrEqual(t, len(actions), 10, actions)
	require.Positive(t, phases["build"])
	require.Positive(t, phases["runtime"])
	require.Positive(t, outcomes["failure"])
	require.Positive(t, outcomes["denied"])
	for _, typ := range []string{"user", "service", "space", "build"} {
		require.Positive(t, actors[typ], typ)
	}
	for _, kind := range []string{"fine_grained", "read", "write", "oauth", "org_legacy", "session"} {
		require.Positive(t, kinds[kind], kind)
	}
	require.Positive(t, internal)
	require.Positive(t, oldTokens)
	require.Greater(t, float64(working)/float64(userEvents), 0.8, "users work mostly in their working hours")
}

func TestTrafficFollowsTheDay(t *testing.T) {
	g := newGen(t, gen.Config{Seed: 11, Start: start.Add(-8 * time.Hour), Rate: 1, NoOddities: true})
	var perHour [24]int
	each(g, 86_400, func(ev *eventT) { perHour[ev.Time.Hour()]++ })
	require.Greater(t, perHour[15], 2*perHour[3], perHour)
}
