package detect_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
	"github.com/credwatch/credwatch/internal/scenariotest"
)

// TestAttacksMixedIntoBenignTraffic plays all fourteen attacks inside ~4
// months of honest traffic (`credwatch gen --scenario …` for every attack)
// and requires each to be caught by its rule on its own events, and no
// medium-or-higher alert outside the attacks.
func TestAttacksMixedIntoBenignTraffic(t *testing.T) {
	t.Parallel()
	reg := gen.Builtin()
	cfg := scenariotest.MixedConfig(t)
	names := cfg.Scenarios
	attackIDs := map[string]string{} // event id → attack
	for _, name := range names {
		ep, err := gen.EpisodeOf(cfg, name)
		require.NoError(t, err)
		for _, id := range ep.AttackIDs {
			attackIDs[id] = name
		}
	}
	e := newEngine(t)
	scenariotest.PlayMixed(t, cfg, func(ev event.Event) {
		_, err := e.Process(context.Background(), &ev)
		require.NoError(t, err)
	})
	caught := map[string]bool{}
	var falseSerious []string
	for _, a := range e.Alerts() {
		attack := ""
		for _, id := range a.EventIDs {
			attack = cmpOr(attack, attackIDs[id])
		}
		if s, _ := reg.Get(attack); attack != "" && s.(gen.Attack).Rule() == a.Rule {
			caught[attack] = true
		}
		if attack == "" && rankOf(a.Severity) >= rankOf("medium") {
			falseSerious = append(falseSerious, a.Rule+": "+a.Explanation.Reason)
		}
	}
	for _, name := range names {
		require.True(t, caught[name], "attack %s not caught by its rule", name)
	}
	require.LessOrEqual(t, len(falseSerious), 1, "medium+ alerts outside the attacks: %v", falseSerious)
	t.Logf("figure: %d/%d attacks caught in %d alerts; medium+ outside attacks: %d", len(caught), len(names), len(e.Alerts()), len(falseSerious))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
