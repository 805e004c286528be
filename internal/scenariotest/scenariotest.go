// Package scenariotest gives tests the attack scenarios: the fixtures of
// testdata/scenarios with what each must raise, and the generator setup that
// plays every attack inside months of honest traffic. The backtest and the
// live tests share it so they judge the same things.
package scenariotest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/gen"
)

// RedactionKey is the key every scenario test redacts with, backtest and
// live alike, so that a redacted credential (an AWS access key id) has the
// same reference in the golden alerts and in the live detector's.
const RedactionKey = "scenario-test-key-0123456789"

// Fixture is one testdata/scenarios/<name>.expected.json.
type Fixture struct {
	Scenario       string   `json:"scenario"`
	Rules          []string `json:"rules"`            // each must fire
	AttackEventIDs []string `json:"attack_event_ids"` // the only events alerts may name
	Events         string   `json:"-"`                // path of the fixture's JSON lines
	Golden         string   `json:"-"`                // path of the backtest's alerts (testdata/explanations)
}

// Fixtures loads every fixture under root (the repository's top directory,
// relative to the test); there are at least fourteen.
func Fixtures(t testing.TB, root string) []Fixture {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "testdata/scenarios/*.expected.json"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 14)
	out := make([]Fixture, len(files))
	for i, path := range files {
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(b, &out[i]), path)
		out[i].Events = strings.Replace(path, ".expected.json", ".jsonl", 1)
		out[i].Golden = filepath.Join(root, "testdata/explanations", out[i].Scenario+".json")
	}
	return out
}

// Attacks are the names of the generator's fourteen attack scenarios: those
// with fixtures, not their Variants.
func Attacks(t testing.TB) []string {
	t.Helper()
	reg := gen.Builtin()
	variants := map[string]bool{}
	for _, s := range gen.Variants(0) {
		variants[s.Name()] = true
	}
	var names []string
	for _, name := range reg.Names() {
		if s, _ := reg.Get(name); isAttack(s) && !variants[name] {
			names = append(names, name)
		}
	}
	require.Len(t, names, 14)
	return names
}

// mixedDays is how long the mixed stream runs for every attack to have
// played (the dormant token strikes after 106 days).
const mixedDays = 115

// MixedConfig plays every attack inside honest traffic of 40 tenants.
func MixedConfig(t testing.TB) gen.Config {
	return gen.Config{Seed: 31, Tenants: 40, Rate: 0.03, Start: time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC),
		Scenarios: Attacks(t)}
}

// PlayMixed generates the stream of cfg (MixedConfig) until every attack
// has played, calling fn with each event in order; fn may keep it.
func PlayMixed(t testing.TB, cfg gen.Config, fn func(event.Event)) {
	t.Helper()
	g, err := gen.New(cfg)
	require.NoError(t, err)
	var ev event.Event
	for ev.Time.Before(cfg.Start.Add(mixedDays * 24 * time.Hour)) {
		g.Next(&ev)
		fn(ev)
	}
}

func isAttack(s gen.Scenario) bool {
	_, ok := s.(gen.Attack)
	return ok
}
