package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest"
)

// plantedSecret returns a distinct credential of kind k%9.
func plantedSecret(k int) string {
	n := fmt.Sprintf("%02d", k)
	switch k % 9 {
	case 0:
		return "hf_" + n + "abcdefghijklmnopqrstuvwxyzABCDEF"
	case 1:
		return "ghp_" + n + "0123456789abcdefghijklmnopqrstuvwxyz"
	case 2:
		return "AKIA" + n + "IOSFODNN7EXAMP"
	case 3:
		return "xoxb-" + n + "1234567890-abcdefghij"
	case 4:
		return "sk-proj-" + n + "abcdefghijklmnopqrstuvwxyz"
	case 5:
		return "glpat-" + n + "abcdefghijklmnopqrst"
	case 6:
		return "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIx" + n + "MjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"
	case 7:
		return "-----BEGIN RSA PRIVATE KEY-----\nMIIEow" + n + "IBAAKCAQEAz8Zq\n-----END RSA PRIVATE KEY-----"
	default:
		return "github_pat_" + n + strings.Repeat("A1b2C3d4E5", 8)
	}
}

// plantedFields are 20 contract fields, as JSON paths to set.
var plantedFields = []string{
	"action", "tenant", "actor.id", "actor.tenants", "token.id", "token.owner", "token.workload",
	"token.scopes", "secret.id", "secret.name", "secret.workload", "resource.id", "source.user_agent",
	"source.as_org", "workload.id", "workload.build_id", "session_id", "request_id", "attrs.value", "attrs.key",
}

// eventWithSecret builds a valid event with secret planted at field.
func eventWithSecret(i int, field, secret string) []byte {
	ev := map[string]any{"id": fmt.Sprintf("sec-evt-%d", i), "time": baseTime.Format(time.RFC3339),
		"action": "token.use", "tenant": "acme", "actor": map[string]any{"id": "alice"}}
	var value any = "prefix " + secret + " suffix"
	switch field {
	case "action", "tenant":
		value = secret
	case "actor.tenants", "token.scopes":
		value = []string{secret}
	case "attrs.key":
		field, value = "attrs."+secret, "v"
	}
	parent, key, nested := strings.Cut(field, ".")
	if !nested {
		ev[field] = value
	} else {
		obj, _ := ev[parent].(map[string]any)
		if obj == nil {
			obj = map[string]any{}
		}
		obj[key] = value
		ev[parent] = obj
	}
	b, _ := json.Marshal(ev)
	return b
}

// TestFaultSecretsNeverStored plants credentials in 20 fields (plus escaped
// and rejected variants) and finds none in any ClickHouse table, the
// dead-letter topic, the ingester's logs or ClickHouse's logs.
func TestFaultSecretsNeverStored(t *testing.T) {
	e := newEnv(t, 4)
	var values [][]byte
	var secrets []string
	for i, f := range plantedFields {
		s := plantedSecret(i)
		secrets = append(secrets, s)
		values = append(values, eventWithSecret(i, f, s))
	}
	escaped := plantedSecret(20)
	secrets = append(secrets, escaped)
	values = append(values, fmt.Appendf(nil, `{"id":"sec-evt-esc","time":%q,"action":"token.use","tenant":"acme","actor":{"id":"alice"},"attrs":{"n":"\u%04x%s"}}`,
		baseTime.Format(time.RFC3339), escaped[0], escaped[1:]))
	for k := 21; k < 24; k++ { // rejected messages carrying secrets
		s := plantedSecret(k)
		secrets = append(secrets, s)
		values = append(values, fmt.Appendf(nil, `not json but a secret: %s`, s))
	}
	produce(t, e.brokers, values...)
	stop := e.runIngest(t, ingest.Config{BatchSize: 100, BatchTimeout: 50 * time.Millisecond})
	e.waitStored(t, uint64(len(plantedFields)+1), time.Minute)
	letters := readAll(t, e.brokers[0], dlqTopic, 4, 3)
	require.NoError(t, stop())

	var flagged uint64
	require.NoError(t, e.store.Conn().QueryRow(context.Background(), "SELECT count() FROM events_unique WHERE notEmpty(redactions)").Scan(&flagged))
	require.Equal(t, uint64(len(plantedFields)+1), flagged, "every event with a secret is flagged")

	places := e.placesToScan(t, letters)
	// Positive controls: the scan sees what was stored and dead-lettered.
	require.Contains(t, string(places["table events"]), "sec-evt-esc")
	require.Contains(t, string(places["dead-letter topic"]), "not json but a secret: redacted:")
	found := countFound(t, places, secrets)
	t.Logf("figure: planted %d secrets (20 fields + 1 escaped + 3 rejected); scanned %d places (%d bytes); raw values found: %d; events flagged: %d",
		len(secrets), len(places), totalLen(places), found, flagged)
}

// placesToScan is everything the ingester wrote: its logs, every table, the
// dead-letter topic (keys, values, headers) and ClickHouse's own logs.
func (e *env) placesToScan(t *testing.T, letters map[position]kafka.Message) map[string][]byte {
	places := map[string][]byte{"ingester logs": e.logs.Bytes()}
	for name, dump := range dumpTables(t, e.ch.HTTPAddr()) {
		places["table "+name] = dump
	}
	var dlq bytes.Buffer
	for _, m := range letters {
		dlq.Write(m.Key)
		dlq.Write(m.Value)
		for _, h := range m.Headers {
			dlq.Write(h.Value)
		}
	}
	places["dead-letter topic"] = dlq.Bytes()
	for _, f := range []string{"log", "err"} {
		b, _ := os.ReadFile(filepath.Join(e.ch.Config().Dir, f))
		places["clickhouse "+f] = b
	}
	return places
}

// countFound reports each secret found raw or JSON-escaped in any place.
func countFound(t *testing.T, places map[string][]byte, secrets []string) int {
	found := 0
	for _, s := range secrets {
		for place, data := range places {
			for _, form := range []string{s, jsonEscaped(s)} {
				if bytes.Contains(data, []byte(form)) {
					found++
					t.Errorf("raw secret %.12s… found in %s", s, place)
				}
			}
		}
	}
	return found
}

// dumpTables returns every credwatch table's rows as TSV, via HTTP.
func dumpTables(t *testing.T, httpAddr string) map[string][]byte {
	query := func(q string) []byte {
		resp, err := http.Get("http://" + httpAddr + "/?query=" + url.QueryEscape(q))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
		return b
	}
	out := map[string][]byte{}
	names := strings.Fields(string(query("SELECT name FROM system.tables WHERE database = 'credwatch' AND engine NOT LIKE '%View'")))
	require.Contains(t, names, "events")
	for _, n := range names {
		out[n] = query("SELECT * FROM credwatch.`" + n + "` FORMAT TSVRaw")
	}
	return out
}

func jsonEscaped(s string) string {
	b, _ := json.Marshal(s)
	return strings.Trim(string(b), `"`)
}

func totalLen(m map[string][]byte) int {
	n := 0
	for _, v := range m {
		n += len(v)
	}
	return n
}
