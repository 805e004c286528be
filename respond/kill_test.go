package respond

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// TestFaultKill9MidDelivery runs `credwatch respond` as its own process
// on kfake and ClickHouse, acting against a receiver that acts on each
// tenant's first revocation and never answers. The process is killed with
// SIGKILL while both tenants' deliveries hang (the alerts of a partition
// not fetched yet are not answered), then started again: every intent is
// delivered, the receiver acts on each credential once (the two
// it had acted on are refused as replays, 409), and every alert's offset
// is committed.
func TestFaultKill9MidDelivery(t *testing.T) {
	testenv.ClickHouseBinary(t)
	st, dsn := newStoreDSN(t)
	k := testenv.Kafka(t, 2, alertsink.DefaultTopic, "credwatch.events")
	brokers := k.ListenAddrs()
	dir := t.TempDir()
	rcv := newReceiverAt(t, time.Now, openJournal(t, filepath.Join(dir, "receiver")))
	rcv.hang.Store(true)
	var msgs []kafka.Message
	for c := range 3 {
		for _, tenant := range []string{"acme", "globex"} {
			msgs = append(msgs, newAlert(t, ruleOffPlatform, tenant, fmt.Sprintf("cred_%d", c), []string{kindToken, kindSecret}[c%2]))
		}
	}
	produce(t, brokers, msgs)
	bin := buildCredwatch(t)

	first := startRespond(t, bin, brokers, dsn, rcv.URL, filepath.Join(dir, "first.log"))
	testenv.Eventually(t, 60*time.Second, "both tenants' first revocation acted on, the answer held",
		func() bool { return rcv.hung.Load() == 2 })
	require.NoError(t, first.Process.Kill()) // SIGKILL
	_ = first.Wait()
	before := statesOf(t, st) // the alerts of a partition not yet fetched are answered after the restart
	require.GreaterOrEqual(t, before[StateDelivering], 2, "the hanging deliveries were durable before they were sent")
	require.Len(t, before, 1, "nothing but delivering before the kill: %v", before)

	rcv.hang.Store(false)
	second := startRespond(t, bin, brokers, dsn, rcv.URL, filepath.Join(dir, "second.log"))
	testenv.Eventually(t, 60*time.Second, "every intent delivered after the restart",
		func() bool { return statesOf(t, st)[StateDelivered] == 6 })
	testenv.Eventually(t, 30*time.Second, "every alert committed", func() bool {
		offsets := committed(t, brokers[0], "credwatch-respond")
		return offsets[0]+offsets[1] == int64(len(msgs))
	})
	require.Len(t, rcv.revocations(), 6, "each credential revoked once")
	require.Equal(t, 2, rcv.answered(http.StatusConflict), "the two acted on before the kill were refused as replays")
	require.NoError(t, second.Process.Signal(os.Interrupt))
	require.NoError(t, second.Wait())
	t.Logf("figure: kill -9 with 2 deliveries in flight, %d intents recorded of 6; after the restart 6/6 delivered, 6 revocations, %d replays refused",
		before[StateDelivering], rcv.answered(http.StatusConflict))
}

// buildCredwatch compiles cmd/credwatch into a temp dir.
func buildCredwatch(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "credwatch")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/credwatch/credwatch/cmd/credwatch").CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// startRespond starts `credwatch respond`, acting, with its log in logPath.
func startRespond(t *testing.T, bin string, brokers []string, dsn, url, logPath string) *exec.Cmd {
	t.Helper()
	logFile, err := os.Create(logPath)
	require.NoError(t, err)
	t.Cleanup(func() { logFile.Close() })
	cmd := exec.Command(bin, "respond", "--brokers", brokers[0], "--clickhouse", dsn, "--webhook-url", url,
		"--webhook-secret", "whsec_"+base64.StdEncoding.EncodeToString(testSecret), "--dry-run=false",
		"--metrics-addr", "", "--max-auto-per-tenant", "50", "--max-auto", "50")
	cmd.Stdout, cmd.Stderr = logFile, logFile
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	return cmd
}

// statesOf counts st's intents by their current state.
func statesOf(t *testing.T, st *store.Store) map[string]int {
	ins, err := NewOutbox(st).List(context.Background(), Filter{Limit: 1000})
	require.NoError(t, err)
	out := map[string]int{}
	for _, in := range ins {
		out[in.State]++
	}
	return out
}
