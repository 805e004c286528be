package gen_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/gen"
)

var update = flag.Bool("update", false, "rewrite the attack fixtures in testdata/scenarios")

// fixtureDir holds one JSON-lines fixture per attack and what it expects.
const fixtureDir = "../testdata/scenarios"

// fixtureConfig is the stream the fixtures are the episodes of: seed 1, the
// default 200 tenants, from 2025-03-03 (a Monday).
var fixtureConfig = gen.Config{Seed: 1}

// expectation is a fixture's <name>.expected.json.
type expectation struct {
	Scenario       string   `json:"scenario"`
	Rules          []string `json:"rules"`
	AttackEventIDs []string `json:"attack_event_ids"`
}

// TestFixtures checks testdata/scenarios/<attack>.jsonl and .expected.json
// are what the code generates (go test ./gen -run TestFixtures -update
// rewrites them).
func TestFixtures(t *testing.T) {
	reg := gen.Builtin()
	for _, name := range attackNames {
		t.Run(name, func(t *testing.T) {
			s, _ := reg.Get(name)
			ep := episode(t, fixtureConfig, name)
			var events []byte
			for i := range ep.Events {
				events = append(gen.AppendJSON(events, &ep.Events[i]), '\n')
			}
			require.LessOrEqual(t, bytes.Count(events, []byte("\n")), 300, "keep fixtures small")
			exp, err := json.MarshalIndent(expectation{Scenario: name, Rules: []string{s.(gen.Attack).Rule()},
				AttackEventIDs: ep.AttackIDs}, "", "  ")
			require.NoError(t, err)
			golden(t, name+".jsonl", events)
			golden(t, name+".expected.json", append(exp, '\n'))
		})
	}
}

// golden compares file in fixtureDir with got, or rewrites it with -update.
func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	path := filepath.Join(fixtureDir, file)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./gen -run TestFixtures -update to create it")
	require.True(t, bytes.Equal(want, got), "%s differs from what the code generates; run go test ./gen -run TestFixtures -update", path)
}
