package detect_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// lookAlikes are honest look-alikes of the variants, in several variants
// each: other users and orgs, times, revokers, orders and waits.
var lookAlikes = []gen.LookAlike{
	gen.FreshTokenFirstUse{At: 9 * simDay, Age: 4 * time.Minute, Tag: "minutes"},
	gen.FreshTokenFirstUse{At: 30 * simDay, Age: 2 * simDay, Tag: "days"},
	gen.FreshTokenFirstUse{At: 52 * simDay, Age: 20 * time.Hour, Tag: "overnight"},
	gen.FreshTokenFirstUse{At: 64 * simDay, Tag: "drawn"},
	gen.RevokeThenReplace{At: 14 * simDay, Tag: "admin"},
	gen.RevokeThenReplace{At: 37 * simDay, Revoker: gen.RevokerService, Tag: "service"},
	gen.RevokeThenReplace{At: 58 * simDay, Revoker: gen.RevokerService, Webhook: true, Tag: "service-hook"},
	gen.RevokeThenReplace{At: 66 * simDay, Webhook: true, Tag: "admin-hook"},
	gen.WidenAtHome{At: 11 * simDay, Tag: "minutes"},
	gen.WidenAtHome{At: 44 * simDay, Wait: 26 * time.Hour, Tag: "next-day"},
	gen.WidenAtHome{At: 70 * simDay, Wait: 90 * time.Second, Tag: "at-once"},
}

// TestLookAlikesRaiseNothingSerious plays honest look-alikes of the
// variants inside 2½ months of honest traffic: first uses of fresh tokens
// from home, tokens revoked by the security team and replaced by their
// owners from home, scopes widened from home and used from there. None may
// raise a medium-or-higher alert, and the rest of the traffic at most one.
func TestLookAlikesRaiseNothingSerious(t *testing.T) {
	t.Parallel()
	reg := gen.NewRegistry()
	var names []string
	for _, l := range lookAlikes {
		reg.Add(l)
		names = append(names, l.Name())
	}
	cfg := gen.Config{Seed: 43, Tenants: 40, Rate: 0.03, Start: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC),
		Registry: reg, Scenarios: names}
	lookAlikeOf := map[string]string{} // event id → look-alike, for every event of its episode
	for _, name := range names {
		ep, err := gen.LookAlikeEpisodeOf(cfg, name)
		require.NoError(t, err)
		require.NotEmpty(t, ep.AttackIDs, name)
		for _, ev := range ep.Events {
			lookAlikeOf[ev.ID] = name
		}
	}
	e := newEngine(t)
	seen := 0
	played, _ := playFor(t, cfg, 78*simDay, func(ev *event.Event) {
		if lookAlikeOf[ev.ID] != "" {
			seen++
		}
		_, err := e.Process(context.Background(), ev)
		require.NoError(t, err)
	})
	require.Equal(t, len(lookAlikeOf), seen, "every look-alike event was played")
	byRule := map[string]int{}
	var onLookAlikes, elsewhere []string
	for _, a := range e.Alerts() {
		name := ""
		for _, id := range a.EventIDs {
			name = cmpOr(name, lookAlikeOf[id])
		}
		if name != "" {
			byRule[a.Rule+"/"+a.Severity]++
		}
		switch serious := rankOf(a.Severity) >= rankOf("medium"); {
		case serious && name != "":
			onLookAlikes = append(onLookAlikes, fmt.Sprintf("%s on %s: %s", a.Rule, name, a.Explanation.Reason))
		case serious:
			elsewhere = append(elsewhere, a.Rule+": "+a.Explanation.Reason)
		}
	}
	t.Logf("figure: %d look-alikes (%d events) in %d events → alerts on them by rule/severity %s; medium+ on look-alikes: %d %v; elsewhere: %d %v",
		len(names), len(lookAlikeOf), played, sorted(byRule), len(onLookAlikes), onLookAlikes, len(elsewhere), elsewhere)
	require.Empty(t, onLookAlikes, "medium+ alerts on honest look-alikes")
	require.LessOrEqual(t, len(elsewhere), 1, "medium+ alerts on the rest of the honest traffic: %v", elsewhere)
}
