package live_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/live"
	"github.com/credwatch/credwatch/event"
)

func TestJSONLinesWriterWritesOneAlertPerLine(t *testing.T) {
	var buf bytes.Buffer
	w := live.NewJSONLinesWriter(&buf)
	a := &detect.Alert{ID: "alr_1", Revision: 2, Rule: "first_seen_asn", Severity: "low", Credential: "tok", Count: 2}
	require.NoError(t, w.Write(context.Background(), []detect.Update{
		{Kind: detect.UpdateNew, Alert: a}, {Kind: detect.UpdateEvidence, Alert: a}}))
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 2)
	var got map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &got))
	require.Equal(t, "new", got["update"])
	require.Equal(t, true, got["publish"])
	require.Equal(t, "alr_1", got["id"])
	require.Equal(t, "first_seen_asn", got["rule"])
	require.Contains(t, lines[1], `"update":"evidence","publish":false`)
}

func TestOpenAlertsOutAppends(t *testing.T) {
	path := filepath.Join(t.TempDir(), "alerts.jsonl")
	for _, line := range []string{"a\n", "b\n"} {
		f, err := live.OpenAlertsOut(path)
		require.NoError(t, err)
		_, err = f.Write([]byte(line))
		require.NoError(t, err)
		require.NoError(t, f.Close())
	}
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "a\nb\n", string(b))
}

func TestKeyIsThePrincipalElseTheCredentialElseTheID(t *testing.T) {
	ev := event.Event{ID: "evt-1", Actor: event.Actor{ID: "alice", Type: "user"},
		Token: event.Token{ID: "tok"}, Secret: event.Secret{ID: "sec"}}
	require.Equal(t, "alice", ev.PartitionKey(), "every credential of alice with alice")
	ev.Actor = event.Actor{ID: "anonymous", Type: event.ActorAnonymous}
	require.Equal(t, "tok", ev.PartitionKey())
	ev.Token.ID = ""
	require.Equal(t, "sec", ev.PartitionKey())
	ev.Secret.ID = ""
	require.Equal(t, "evt-1", ev.PartitionKey())
}

func TestConfigDefaults(t *testing.T) {
	c := live.Config{}.Defaults()
	require.Equal(t, "credwatch.events", c.Topic)
	require.Equal(t, "credwatch-detect", c.Group)
	require.Equal(t, "credwatch.events.by-principal", c.RekeyTopic)
	require.Equal(t, "credwatch-detect-rekey", c.RekeyGroup)
	require.Equal(t, "credwatch.events", c.DetectTopic())
	c.Rekey = true
	require.Equal(t, "credwatch.events.by-principal", c.DetectTopic())
}
