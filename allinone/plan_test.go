package allinone

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestPlannedAttacksEndBeforeNow: whatever the time of day and the seed, a
// played attack ends a second before the clock (ingest refuses events from
// the future; detection and response judge recent ones), and planning at
// the same instant gives the same attack.
func TestPlannedAttacksEndBeforeNow(t *testing.T) {
	day := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	for _, name := range demoAttacks {
		for hour := range 24 {
			for _, seed := range []uint64{1, 8, 42} {
				now := day.Add(time.Duration(hour)*time.Hour + 17*time.Minute)
				ep, err := PlanAttack(name, seed, now)
				require.NoError(t, err, "%s seed %d at %s", name, seed, now)
				last := ep.Events[len(ep.Events)-1].Time
				require.Equal(t, now.Add(-time.Second), last, "%s seed %d at %s", name, seed, now)
				again, err := PlanAttack(name, seed, now)
				require.NoError(t, err)
				require.Equal(t, ep.AttackIDs, again.AttackIDs)
			}
		}
	}
}
