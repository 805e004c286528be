package live_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/internal/testenv"
)

// editableSuppressions is a SuppressionSource a test changes while the
// service runs, as analysts change the console's table.
type editableSuppressions struct {
	mu   sync.Mutex
	list []detect.Suppression
}

func (e *editableSuppressions) Active(context.Context, time.Time) ([]detect.Suppression, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]detect.Suppression(nil), e.list...), nil
}

func (e *editableSuppressions) set(list ...detect.Suppression) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.list = list
}

// TestRunningDetectionHonoursSuppressionsAddedAndEnded: a suppression added
// after the service started marks the alerts raised from then on; once it
// is ended, alerts are raised unmarked again. The --suppressions file's
// list is honoured throughout, merged with the source's.
func TestRunningDetectionHonoursSuppressionsAddedAndEnded(t *testing.T) {
	brokers := newKafka(t)
	start := time.Now().Add(-time.Hour)
	file := detect.Suppression{ID: "file-1", Rule: "*", Credential: "c-tok-001", Owner: "ops", Reason: "known test token",
		Expires: start.Add(48 * time.Hour)}
	console := detect.Suppression{ID: "sup-1", Rule: "workload_token_off_platform", Tenant: "acme", ASN: 9009,
		Owner: "ann", Reason: "pentest from AS9009", Expires: start.Add(24 * time.Hour)}
	src := &editableSuppressions{}
	w := &fakeWriter{}
	s := startServiceWith(t, live.ServiceConfig{Live: live.Config{Brokers: brokers, SuppressionPoll: 20 * time.Millisecond},
		Writer: w, Suppressions: src, Engine: detect.Config{Suppressions: []detect.Suppression{file}}})
	var produced int64
	phase := func(prefix string) map[string]bool {
		uses, stolen := spaceTraffic(prefix, 6, 3, start)
		produceKeyed(t, brokers, uses, nil)
		produced += int64(len(uses))
		testenv.Eventually(t, 60*time.Second, prefix+"'s events judged", func() bool {
			return committed(t, brokers[0], "credwatch-detect", topic) == produced
		})
		return stolen
	}
	suppressedBy := func(stolen map[string]bool) map[string]string {
		alerts := w.newAlerts()
		out := map[string]string{}
		for tok := range stolen {
			a := alerts[tok+"/workload_token_off_platform"]
			require.NotNil(t, a, "alert for %s", tok)
			out[tok] = ""
			if a.Suppressed {
				out[tok] = a.Suppression.ID
			}
		}
		return out
	}
	require.Equal(t, map[string]string{"a-tok-001": "", "a-tok-003": "", "a-tok-005": ""}, suppressedBy(phase("a")))

	src.set(console)
	testenv.Eventually(t, 10*time.Second, "the added suppression loaded", func() bool {
		return s.metric("credwatch_detect_suppressions") == 2
	})
	require.Equal(t, map[string]string{"b-tok-001": "sup-1", "b-tok-003": "sup-1", "b-tok-005": "sup-1"}, suppressedBy(phase("b")))

	src.set()
	testenv.Eventually(t, 10*time.Second, "the ended suppression dropped", func() bool {
		return s.metric("credwatch_detect_suppressions") == 1
	})
	require.Equal(t, map[string]string{"c-tok-001": "file-1", "c-tok-003": "", "c-tok-005": ""}, suppressedBy(phase("c")))
	require.NoError(t, s.stop())
}
