package console

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
	"github.com/credwatch/credwatch/produce"
)

// play produces the scenario fixture's events in file order, each keyed
// as producers key them, moved in time so that the last one happened a
// few seconds ago; it returns the events as played.
func (p *pipeline) play(t *testing.T, fixture string) []map[string]any {
	b, err := os.ReadFile(fixture)
	require.NoError(t, err)
	var evs []map[string]any
	for sc := bufio.NewScanner(bytes.NewReader(b)); sc.Scan(); {
		var ev map[string]any
		require.NoError(t, json.Unmarshal(sc.Bytes(), &ev))
		evs = append(evs, ev)
	}
	last, err := time.Parse(time.RFC3339Nano, evs[len(evs)-1]["time"].(string))
	require.NoError(t, err)
	shift := time.Since(last) - 5*time.Second
	msgs := make([]produce.Message, len(evs))
	for i, ev := range evs {
		moveTimes(t, ev, shift)
		value, err := json.Marshal(ev)
		require.NoError(t, err)
		var keyed event.Event
		require.NoError(t, json.Unmarshal(value, &keyed))
		msgs[i] = produce.Message{Key: []byte(keyed.PartitionKey()), Value: value}
	}
	out := produce.NewKafkaSink(p.brokers, e2eTopic)
	defer out.Close()
	require.NoError(t, out.Write(context.Background(), msgs))
	return evs
}

// moveTimes shifts an event's time and its token's creation by d.
func moveTimes(t *testing.T, ev map[string]any, d time.Duration) {
	at, err := time.Parse(time.RFC3339Nano, ev["time"].(string))
	require.NoError(t, err)
	ev["time"] = at.Add(d).UTC().Format(time.RFC3339Nano)
	if tok, ok := ev["token"].(map[string]any); ok {
		if c, ok := tok["created_at"].(string); ok {
			created, err := time.Parse(time.RFC3339Nano, c)
			require.NoError(t, err)
			tok["created_at"] = created.Add(d).UTC().Format(time.RFC3339Nano)
		}
	}
}
