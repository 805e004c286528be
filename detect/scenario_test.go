package detect_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/scenariotest"
	"github.com/credwatch/credwatch/redact"
)

var update = flag.Bool("update", false, "rewrite the golden explanation files in testdata/explanations")

// TestEveryScenarioIsDetected backtests every attack fixture: its expected
// rule fires, every alert's evidence is attack events (never the warm-up
// history), and the alerts with their explanations match the golden files.
func TestEveryScenarioIsDetected(t *testing.T) {
	for _, want := range scenariotest.Fixtures(t, "..") {
		t.Run(want.Scenario, func(t *testing.T) {
			alerts := backtest(t, want.Events)
			fired := map[string]bool{}
			for _, a := range alerts {
				fired[a.Rule] = true
				for _, id := range a.EventIDs {
					require.Contains(t, want.AttackEventIDs, id, "%s alerted on a warm-up event", a.Rule)
				}
			}
			for _, rule := range want.Rules {
				require.True(t, fired[rule], "%s not detected by %s; alerts: %v", want.Scenario, rule, rulesFired(alerts))
			}
			golden(t, want.Golden, alerts)
		})
	}
}

func backtest(t *testing.T, path string) []*detect.Alert {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	red, err := redact.New([]byte(scenariotest.RedactionKey))
	require.NoError(t, err)
	dec := decode.New(red, func() time.Time { return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC) }, decode.DefaultLimits())
	var out bytes.Buffer
	st, err := detect.RunFile(context.Background(), f, &out, dec, newEngine(t))
	require.NoError(t, err)
	require.Zero(t, st.Rejected)
	var alerts []*detect.Alert
	for _, line := range bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n")) {
		var a detect.Alert
		require.NoError(t, json.Unmarshal(line, &a))
		alerts = append(alerts, &a)
	}
	return alerts
}

func rulesFired(alerts []*detect.Alert) []string {
	var out []string
	for _, a := range alerts {
		out = append(out, a.Rule+"/"+a.Severity)
	}
	slices.Sort(out)
	return out
}

// golden compares alerts, explanations included, with the file at path.
func golden(t *testing.T, path string, alerts []*detect.Alert) {
	got, err := json.MarshalIndent(alerts, "", "  ")
	require.NoError(t, err)
	got = append(got, '\n')
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./detect -run TestEveryScenarioIsDetected -update")
	require.Equal(t, string(want), string(got))
}
