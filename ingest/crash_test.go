package ingest_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
)

// buildBinary compiles cmd/credwatch into a temp dir.
func buildBinary(t *testing.T) string {
	bin := filepath.Join(t.TempDir(), "credwatch")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/credwatch/credwatch/cmd/credwatch").CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// startIngester runs `credwatch ingest` as a child process.
func (e *env) startIngester(t *testing.T, bin, logPath string) *testenv.Child {
	logf, err := os.OpenFile(logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	require.NoError(t, err)
	t.Cleanup(func() { logf.Close() })
	cmd := exec.Command(bin, "ingest")
	cmd.Env = append(os.Environ(),
		"CREDWATCH_BROKERS="+e.brokers[0], "CREDWATCH_CLICKHOUSE="+e.ch.DSN("credwatch"),
		"CREDWATCH_BATCH_SIZE=2000", "CREDWATCH_BATCH_TIMEOUT=100ms", "CREDWATCH_METRICS_ADDR=127.0.0.1:0",
		"CREDWATCH_SESSION_TIMEOUT=6s", "CREDWATCH_LOG_FORMAT=json",
		"CREDWATCH_REDACTION_KEY=integration-test-key-0123456789")
	cmd.Stdout, cmd.Stderr = logf, logf
	return testenv.StartChild(t, cmd)
}

// TestFaultCrashRestart SIGKILLs the ingester at random points while events
// are produced; after a clean restart every event is stored exactly once and
// SIGTERM exits 0 with every offset committed.
func TestFaultCrashRestart(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 1))
	t.Logf("seed %d", seed)
	e := newEnv(t, 4)
	bin := buildBinary(t)
	logPath := filepath.Join(t.TempDir(), "ingest.log")
	t.Cleanup(func() {
		if t.Failed() {
			b, _ := os.ReadFile(logPath)
			t.Logf("ingester log (last 4 KiB):\n%s", b[max(0, len(b)-4096):])
		}
	})

	const chunks, chunk = 120, 500
	produced := make(chan struct{})
	go func() {
		defer close(produced)
		tick := time.NewTicker(100 * time.Millisecond) // paced: kills land while producing
		defer tick.Stop()
		for c := 0; c < chunks; c++ {
			vals := make([][]byte, chunk)
			for i := range vals {
				vals[i] = goodEvent(c*chunk + i)
			}
			produce(t, e.brokers, vals...)
			<-tick.C
		}
	}()

	for kill := 1; kill <= 5; kill++ {
		cmd := e.startIngester(t, bin, logPath)
		_, before, _ := e.counts(t)
		target := before + uint64(500+rng.IntN(6000))
		testenv.Eventually(t, time.Minute, "progress before kill", func() bool {
			cmd.Alive(t)
			_, u, _ := e.counts(t)
			return u >= min(target, chunks*chunk)
		})
		_ = cmd.Signal(t, syscall.SIGKILL)
		_, after, _ := e.counts(t)
		t.Logf("figure: kill %d at %d stored events", kill, after)
	}
	<-produced
	started := runningLines(t, logPath)
	cmd := e.startIngester(t, bin, logPath)
	e.waitStored(t, chunks*chunk, 3*time.Minute)
	testenv.Eventually(t, time.Minute, "the last ingester running (SIGTERM before its handler would kill it)", func() bool {
		return runningLines(t, logPath) > started
	})
	// A kill between an INSERT and its commit leaves stored rows uncommitted:
	// the last ingester reads them again, and its commits must catch up.
	testenv.Eventually(t, 3*time.Minute, "every offset committed", func() bool {
		return uncommitted(t, e.brokers[0], "credwatch-ingest") == 0
	})
	require.NoError(t, cmd.Signal(t, syscall.SIGTERM), "SIGTERM must exit 0")

	physical, unique, ids := e.counts(t)
	t.Logf("figure: produced=%d physical_rows=%d unique_rows=%d distinct_ids=%d (physical-unique = replayed rows not yet merged away)",
		chunks*chunk, physical, unique, ids)
	require.Equal(t, uint64(chunks*chunk), unique)
	require.Equal(t, uint64(chunks*chunk), ids)
	requireAllCommitted(t, e.brokers[0], "credwatch-ingest")
}

// runningLines counts the ingesters that reached "ingest running" in the log.
func runningLines(t *testing.T, logPath string) int {
	log, err := os.ReadFile(logPath)
	require.NoError(t, err)
	return bytes.Count(log, []byte(`"msg":"ingest running"`))
}

// requireAllCommitted checks the group's committed offset equals the end of
// every partition.
func requireAllCommitted(t *testing.T, broker, group string) {
	require.Zero(t, uncommitted(t, broker, group))
}

// uncommitted counts messages past the group's committed offsets.
func uncommitted(t *testing.T, broker, group string) int64 {
	ctx := context.Background()
	c := &kafka.Client{Addr: kafka.TCP(broker)}
	ends, err := c.ListOffsets(ctx, &kafka.ListOffsetsRequest{Topics: map[string][]kafka.OffsetRequest{
		topic: {kafka.LastOffsetOf(0), kafka.LastOffsetOf(1), kafka.LastOffsetOf(2), kafka.LastOffsetOf(3)}}})
	require.NoError(t, err)
	got, err := c.OffsetFetch(ctx, &kafka.OffsetFetchRequest{GroupID: group, Topics: map[string][]int{topic: {0, 1, 2, 3}}})
	require.NoError(t, err)
	committed := map[int]int64{}
	for _, p := range got.Topics[topic] {
		committed[p.Partition] = max(p.CommittedOffset, 0)
	}
	var behind int64
	for _, p := range ends.Topics[topic] {
		behind += p.LastOffset - committed[p.Partition]
	}
	return behind
}
