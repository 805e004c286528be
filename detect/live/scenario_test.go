package live_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/scenariotest"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/redact"
)

// TestEveryScenarioIsDetectedLive streams every attack fixture, keyed as
// producers key events (event.PartitionKey), through the live detector over
// 4 partitions: each is caught by its rule, as the backtest catches it, and
// only on attack events. Sequences keyed by actor (revoke → another token)
// must hold across the actor's credentials.
func TestEveryScenarioIsDetectedLive(t *testing.T) {
	for _, want := range scenariotest.Fixtures(t, "../..") {
		t.Run(want.Scenario, func(t *testing.T) {
			brokers := newKafka(t)
			n := produceFixture(t, brokers, want.Events)
			w := &fakeWriter{}
			s := startService(t, live.Config{Brokers: brokers}, w)
			testenv.Eventually(t, 60*time.Second, "every event judged and committed", func() bool {
				return committed(t, brokers[0], "credwatch-detect", topic) == int64(n)
			})
			got := w.latestAlerts()
			fired := map[string]bool{}
			for _, a := range got {
				fired[a.Rule] = true
			}
			for _, rule := range want.Rules {
				require.True(t, fired[rule], "%s not detected by %s live; fired: %v", want.Scenario, rule, fired)
			}
			require.Equal(t, summaries(goldenAlerts(t, want.Golden)), summaries(got),
				"the live alerts are the backtest's")
			require.NoError(t, s.stop())
		})
	}
}

// produceFixture writes the fixture's events in file order, each keyed by
// its event.PartitionKey as package produce keys them; it returns how many.
func produceFixture(t *testing.T, brokers []string, path string) int {
	t.Helper()
	red, err := redact.New([]byte(scenariotest.RedactionKey))
	require.NoError(t, err)
	dec := decode.New(red, time.Now, decode.DefaultLimits())
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var msgs []kafka.Message
	lines := bufio.NewScanner(bytes.NewReader(b))
	for lines.Scan() {
		ev, err := dec.Decode(lines.Bytes())
		require.NoError(t, err)
		msgs = append(msgs, kafka.Message{Key: []byte(ev.PartitionKey()), Value: bytes.Clone(lines.Bytes())})
	}
	produceMessages(t, brokers, msgs)
	return len(msgs)
}

// goldenAlerts are the backtest's alerts in the golden file at path.
func goldenAlerts(t *testing.T, path string) []*detect.Alert {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var out []*detect.Alert
	require.NoError(t, json.Unmarshal(b, &out))
	return out
}

// summaries are alerts as "rule severity tenant subject evidence", sorted.
func summaries(alerts []*detect.Alert) []string {
	out := make([]string, 0, len(alerts))
	for _, a := range alerts {
		out = append(out, fmt.Sprintf("%s %s %s %s %v", a.Rule, a.Severity, a.Tenant, a.Credential, a.EventIDs))
	}
	slices.Sort(out)
	return out
}
