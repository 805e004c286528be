package ingest_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/ingest"
	"github.com/credwatch/credwatch/ingest/decode"
	"github.com/credwatch/credwatch/redact"
)

// hostileMessages carry secrets where parsers give up: 10k-deep nesting,
// broken JSON with a \\u-escaped token, a 5 MB message, a secret as a key.
func hostileMessages(secrets *[]string) [][]byte {
	deep, broken, large, key := plantedSecret(200), plantedSecret(201), plantedSecret(202), plantedSecret(203)
	escaped := fmt.Sprintf(`\u%04x%s`, broken[0], broken[1:])
	*secrets = append(*secrets, deep, broken, large, key)
	return [][]byte{
		[]byte(`{"a":` + strings.Repeat("[", 10000) + `"` + deep + `"` + strings.Repeat("]", 10000) + `}`),
		[]byte(`{"id":"hostile-1","note":"` + escaped + `","unterminated":`),
		[]byte(`{"pad":"` + large + strings.Repeat("a", 5<<20) + `","tail":"` + large + `"}`),
		fmt.Appendf(nil, `{"id":"hostile-4","time":%q,"action":"token.use","tenant":"acme","actor":{"id":"a"},"attrs":{%q:"v"}}`,
			baseTime.Format(time.RFC3339), key),
	}
}

// predict decodes values as the ingester will: the distinct stored keys and
// the number of dead letters.
func predict(t *testing.T, sources decode.Sources, values [][]byte) (rows, rejects int) {
	red, err := redact.New([]byte("integration-test-key-0123456789"))
	require.NoError(t, err)
	d := decode.New(red, time.Now, decode.DefaultLimits()).WithSources(sources)
	keys := map[string]bool{}
	for _, v := range values {
		evs, err := d.DecodeMessage(v, topic)
		for _, ev := range evs {
			keys[fmt.Sprint(ev.Tenant, ev.Time.Unix(), ev.ID)] = true
		}
		if err != nil {
			rejects++
		}
	}
	return len(keys), rejects
}

// TestFaultSecretsNeverStoredVendors plants secrets four ways into every
// vendor sample (OCSF, Vault, Kubernetes, CloudTrail, GitHub, Google Cloud,
// Azure, Okta) and adds the
// hostile messages: no raw value may reach a table, the dead-letter topic,
// its headers or a log, and every dead-letter header stays short.
func TestFaultSecretsNeverStoredVendors(t *testing.T) {
	e := newEnv(t, 4)
	e.sources = decode.Sources{DefaultTenant: "default-tenant"}
	rng := rand.New(rand.NewPCG(8, 13))
	var values [][]byte
	var secrets []string
	for k, f := range vendorInputs(t) {
		values = append(values, plantings(t, f, rng, &secrets, k)...)
	}
	values = append(values, hostileMessages(&secrets)...)
	rows, rejects := predict(t, e.sources, values)
	produce(t, e.brokers, values...)
	stop := e.runIngest(t, ingest.Config{BatchSize: 100, BatchTimeout: 50 * time.Millisecond})
	e.waitStored(t, uint64(rows), time.Minute)
	letters := readAll(t, e.brokers[0], dlqTopic, 4, rejects)
	require.NoError(t, stop())
	longest := 0
	for _, m := range letters {
		for _, h := range m.Headers {
			longest = max(longest, len(h.Value))
		}
	}
	require.LessOrEqual(t, longest, 512, "dead-letter headers are bounded")
	places := e.placesToScan(t, letters)
	found := countFound(t, places, secrets)
	var warned uint64
	require.NoError(t, e.store.Conn().QueryRow(context.Background(), "SELECT count() FROM events_unique WHERE notEmpty(warnings)").Scan(&warned))
	t.Logf("figure: %d vendor and hostile messages, %d secrets planted; %d rows stored (%d with warnings), %d dead letters (longest header %d B); scanned %d places (%d bytes); raw values found: %d",
		len(values), len(secrets), rows, warned, len(letters), longest, len(places), totalLen(places), found)
}
