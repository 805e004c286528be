package respond

import (
	"context"
	"maps"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"
	"github.com/stretchr/testify/require"
)

// Reading what the outbox and the metrics say.

// intents are the intents as they stand, newest first.
func (e *env) intents(t *testing.T, f Filter) []Intent {
	t.Helper()
	f.Limit = 100000
	ins, err := NewOutbox(e.st).List(context.Background(), f)
	require.NoError(t, err)
	return ins
}

// states counts intents by state.
func (e *env) states(t *testing.T) map[string]int {
	out := map[string]int{}
	for _, in := range e.intents(t, Filter{}) {
		out[in.State]++
	}
	return out
}

// credentials are those with an intent in the outbox.
func (e *env) credentials(t *testing.T) map[string]bool {
	out := map[string]bool{}
	for _, in := range e.intents(t, Filter{}) {
		out[in.Credential] = true
	}
	return out
}

// waitStates waits until the intents are in exactly these states.
func (e *env) waitStates(t *testing.T, want map[string]int) {
	t.Helper()
	var got map[string]int
	ok := func() bool { got = e.states(t); return maps.Equal(got, want) }
	if !eventually(30*time.Second, ok) {
		require.Equal(t, want, got, "intents by state")
	}
}

// history is an intent's transitions as recorded: "seq state by".
func (e *env) history(t *testing.T, id string) []string {
	t.Helper()
	rows, err := e.st.Conn().Query(context.Background(), `SELECT toString(seq) || ' ' || state || ' ' || by
		FROM response_intents WHERE intent_id = ? ORDER BY seq`, id)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		require.NoError(t, rows.Scan(&s))
		out = append(out, s)
	}
	return out
}

// duplicateTransitions counts (intent, seq) pairs recorded more than once
// (merges must be stopped for it to see them).
func (e *env) duplicateTransitions(t *testing.T) uint64 {
	var n uint64
	require.NoError(t, e.st.Conn().QueryRow(context.Background(), `SELECT count() FROM (SELECT intent_id, seq, count() AS n
		FROM response_intents GROUP BY intent_id, seq HAVING n > 1)`).Scan(&n))
	return n
}

// eventually polls cond every 20 ms until it holds or timeout passes,
// and reports whether it held (testenv.Eventually, without failing).
func eventually(timeout time.Duration, cond func() bool) bool {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(timeout)
	for !cond() {
		select {
		case <-deadline:
			return cond()
		case <-tick.C:
		}
	}
	return true
}

// value is a counter's or gauge's value.
func value(t *testing.T, m prometheus.Metric) float64 {
	var d dto.Metric
	require.NoError(t, m.Write(&d))
	return d.GetCounter().GetValue() + d.GetGauge().GetValue()
}
