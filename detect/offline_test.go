package detect_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/internal/scenariotest"
	"github.com/credwatch/credwatch/redact"
)

// TestRunFileScenario backtests a fixture: a Space token seen on the
// platform, then replayed from a hosting network against another tenant's
// private model.
func TestRunFileScenario(t *testing.T) {
	f, err := os.Open("../testdata/scenarios/space_token_replayed_cross_tenant.jsonl")
	require.NoError(t, err)
	defer f.Close()
	dec := offlineDecoder(t, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	var out bytes.Buffer
	st, err := detect.RunFile(context.Background(), f, &out, dec, newEngine(t))
	require.NoError(t, err)
	require.Equal(t, 2, st.Events)
	require.Equal(t, 1, st.Rejected)
	require.Len(t, st.RejectedBy, 1, "each rejection is counted by field and reason: %v", st.RejectedBy)
	got := map[string]detect.Alert{}
	for _, line := range bytes.Split(bytes.TrimSpace(out.Bytes()), []byte("\n")) {
		var a detect.Alert
		require.NoError(t, json.Unmarshal(line, &a))
		got[a.Rule] = a
	}
	require.Len(t, got, 2)
	for rule, sev := range map[string]string{"workload_token_off_platform": "critical", "cross_tenant_private": "high"} {
		a := got[rule]
		require.Equal(t, sev, a.Severity, rule)
		require.Equal(t, "victim", a.Tenant)
		require.Equal(t, "tok_space", a.Credential)
		require.Equal(t, []string{"a2"}, a.EventIDs)
		require.NotEmpty(t, a.Explanation.Reason)
	}
}

// offlineDecoder is a backtest's decoder whose clock reads now.
func offlineDecoder(t *testing.T, now time.Time) *decode.Decoder {
	t.Helper()
	red, err := redact.New([]byte(scenariotest.RedactionKey))
	require.NoError(t, err)
	return decode.New(red, func() time.Time { return now }, decode.DefaultLimits())
}
