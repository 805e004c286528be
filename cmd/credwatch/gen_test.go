package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// fixtureStart is where the gen package cuts its attack fixtures from.
const fixtureStart = "2025-03-03T00:00:00Z"

func TestGenListsScenariosWithDescriptions(t *testing.T) {
	var out bytes.Buffer
	c := genCmd{List: true, stdout: &out}
	require.NoError(t, c.Run(&Globals{}, context.Background()))
	for _, want := range []string{"travel ", "benign:", "enumeration ", "attack:", "[rule dormant_token_use]", "space_duplicate_probe "} {
		require.Contains(t, out.String(), want)
	}
}

func TestGenUnknownScenarioListsValidNames(t *testing.T) {
	for _, noBenign := range []bool{false, true} {
		c := genCmd{Seed: 1, Count: 10, Out: filepath.Join(t.TempDir(), "x.jsonl"), Start: fixtureStart,
			Tenants: 20, SimRate: 200, Scenario: []string{"enumeration", "bogus"}, NoBenign: noBenign}
		err := c.Run(&Globals{}, context.Background())
		require.ErrorContains(t, err, `"bogus"`)
		for _, name := range []string{"cross_tenant_private", "scope_escalation", "travel"} {
			require.ErrorContains(t, err, name)
		}
	}
}

func TestGenNoBenignWritesTheFixture(t *testing.T) {
	out := filepath.Join(t.TempDir(), "enum.jsonl")
	c := genCmd{Seed: 1, Out: out, Start: fixtureStart, Tenants: 200, SimRate: 200,
		Scenario: []string{"enumeration"}, NoBenign: true}
	require.NoError(t, c.Run(&Globals{}, context.Background()))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	want, err := os.ReadFile("../../testdata/scenarios/enumeration.jsonl")
	require.NoError(t, err)
	require.Equal(t, string(want), string(got))
}

func TestGenNoBenignRefusesOddities(t *testing.T) {
	c := genCmd{Seed: 1, Out: filepath.Join(t.TempDir(), "x.jsonl"), Start: fixtureStart, Tenants: 20,
		Scenario: []string{"travel"}, NoBenign: true}
	require.ErrorContains(t, c.Run(&Globals{}, context.Background()), "not an attack")
}

func TestGenMixesAttacksIntoTraffic(t *testing.T) {
	out := filepath.Join(t.TempDir(), "mixed.jsonl")
	c := genCmd{Seed: 1, Count: 3000, Out: out, Start: fixtureStart, Tenants: 20, SimRate: 0.002,
		Scenario: []string{"leaked_token_used", "build_overread"}, AttackAt: 48 * time.Hour}
	require.NoError(t, c.Run(&Globals{}, context.Background()))
	got, err := os.ReadFile(out)
	require.NoError(t, err)
	require.Contains(t, string(got), `"action":"token.leak_reported"`)
	require.Equal(t, 3000, strings.Count(string(got), "\n"))
}
