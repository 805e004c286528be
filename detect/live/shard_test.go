package live_test

import (
	"cmp"
	"context"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/internal/scenariotest"
	"github.com/credwatch/credwatch/rules"
)

// TestFigureShardedEnginesJudgeAsOne plays all fourteen attacks inside ~4
// months of honest traffic through one engine, then through 4 engines fed
// by event.PartitionKey with one shared network table, as the live detector
// runs them: the alerts must be the same. Keying by credential instead is
// measured for comparison (actor-keyed state splits across partitions).
func TestFigureShardedEnginesJudgeAsOne(t *testing.T) {
	evs := attacksInBenignTraffic(t)
	whole := judgeSharded(t, evs, 1, (*event.Event).PartitionKey)
	require.Greater(t, len(whole), 100)
	sharded := judgeSharded(t, evs, partitions, (*event.Event).PartitionKey)
	require.Equal(t, whole, sharded, "4 engines keyed by event.PartitionKey judge as one")
	byCredential := judgeSharded(t, evs, partitions, func(e *event.Event) string {
		return cmp.Or(e.Credential(), e.Actor.ID)
	})
	missing, extra := difference(whole, byCredential)
	t.Logf("figure: %d events, %d alerts from one engine; 4 engines by PartitionKey: identical; "+
		"4 engines by credential: %d missing, %d extra", len(evs), len(whole), len(missing), len(extra))
}

// attacksInBenignTraffic is detect's mixed-attack stream: every attack
// scenario played inside months of generated traffic.
func attacksInBenignTraffic(t *testing.T) []event.Event {
	var evs []event.Event
	scenariotest.PlayMixed(t, scenariotest.MixedConfig(t), func(ev event.Event) { evs = append(evs, ev) })
	return evs
}

// judgeSharded runs evs through n engines, each judging the events whose
// key hashes to it, and returns every alert as "rule severity tenant
// subject evidence", sorted.
func judgeSharded(t *testing.T, evs []event.Event, n int, key func(*event.Event) string) []string {
	rs, err := detect.LoadRules(context.Background(), rules.FS)
	require.NoError(t, err)
	cfg := detect.Config{Window: time.Hour,
		Baseline: detect.BaselineConfig{Learning: 7 * 24 * time.Hour, Networks: detect.NewNetworks()}}
	engines := make([]*detect.Engine, n)
	for i := range engines {
		engines[i] = detect.NewEngine(rs, cfg)
	}
	p := live.NewPartitioner(n)
	for i := range evs {
		ev := evs[i]
		_, err := engines[p.Of(key(&ev))].Process(context.Background(), &ev)
		require.NoError(t, err)
	}
	var alerts []*detect.Alert
	for _, e := range engines {
		alerts = append(alerts, e.Alerts()...)
	}
	return summaries(alerts)
}

// difference is what want has and got lacks, and the reverse.
func difference(want, got []string) (missing, extra []string) {
	for _, s := range want {
		if !slices.Contains(got, s) {
			missing = append(missing, s)
		}
	}
	for _, s := range got {
		if !slices.Contains(want, s) {
			extra = append(extra, s)
		}
	}
	return missing, extra
}
