package bench

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/store"
)

// runCredwatch is row 1: `credwatch ingest` end to end, Kafka → ClickHouse;
// with publish (row 4) it also publishes every stored event's wire form
// there for detection, and the row ends when all are published.
func runCredwatch(ctx context.Context, bin string, batchSize int, ch *chserver.Server, st *store.Store, brokers []string, n, rep int,
	publish string) (result, error) {
	cmd := exec.CommandContext(ctx, bin, "ingest")
	group := "bench" + publish + strconv.Itoa(rep)
	// The environment may override these (e.g. CREDWATCH_METRICS_ADDR to profile).
	cmd.Env = []string{"CREDWATCH_METRICS_ADDR=127.0.0.1:0", "CREDWATCH_LOG_LEVEL=warn",
		"CREDWATCH_REDACTION_KEY=benchmark-redaction-key-0123"}
	if batchSize > 0 { // else credwatch's defaults
		cmd.Env = append(cmd.Env, "CREDWATCH_BATCH_SIZE="+strconv.Itoa(batchSize))
	}
	cmd.Env = append(cmd.Env, os.Environ()...)
	cmd.Env = append(cmd.Env, "CREDWATCH_BROKERS="+strings.Join(brokers, ","), "CREDWATCH_TOPIC="+topicEvents,
		"CREDWATCH_GROUP="+group, "CREDWATCH_CLICKHOUSE="+ch.DSN(st.Database()),
		"CREDWATCH_PUBLISH_TOPIC="+publish)
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	cpu0 := cpuTime(ch.Pid())
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	rss := sampleRSS(cmd.Process.Pid)
	end, err := waitRows(ctx, st.Conn(), "events", uint64(n), start)
	if err == nil && publish != "" {
		end, err = waitCommitted(ctx, brokers, group, topicEvents, int64(n))
	}
	if err == nil {
		err = settle(ctx, st.Conn(), st.Database())
	}
	serverCPU := cpuTime(ch.Pid()) - cpu0
	peak := rss.Peak()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if werr := cmd.Wait(); werr != nil && err == nil {
		err = fmt.Errorf("credwatch ingest: %w", werr)
	}
	name := "credwatch ingest (Kafka → ClickHouse, validate + redact)"
	if publish != "" {
		name = "credwatch ingest --publish-topic (as (1), and publish for detection)"
	}
	r := result{name: name, produced: n,
		elapsed: end.Sub(start), serverCPU: serverCPU, procCPU: cpuOf(cmd.ProcessState), peakRSS: peak}
	r.stored, r.distinct, _ = counts(ctx, st.Conn(), "events")
	return r, err
}

// runJSONEachRow is row 2: clickhouse-client INSERT ... FORMAT JSONEachRow.
func runJSONEachRow(ctx context.Context, ch *chserver.Server, st *store.Store, d *dataset, n int) (result, error) {
	f, err := os.Open(d.flatPath)
	if err != nil {
		return result{}, err
	}
	defer f.Close()
	cmd := exec.CommandContext(ctx, "clickhouse-client", "--host", "127.0.0.1",
		"--port", strconv.Itoa(ch.Config().TCPPort),
		"--query", "INSERT INTO "+st.Database()+".events FORMAT JSONEachRow")
	cmd.Stdin, cmd.Stderr = f, os.Stderr
	cpu0 := cpuTime(ch.Pid())
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	rss := sampleRSS(cmd.Process.Pid)
	err = cmd.Wait()
	r := result{name: "clickhouse-client INSERT FORMAT JSONEachRow (file)", produced: n, elapsed: time.Since(start)}
	if err != nil {
		return r, fmt.Errorf("clickhouse-client: %w", err)
	}
	if err := settle(ctx, st.Conn(), st.Database()); err != nil {
		return r, err
	}
	r.serverCPU = cpuTime(ch.Pid()) - cpu0
	r.procCPU, r.peakRSS = cpuOf(cmd.ProcessState), rss.Peak()
	r.stored, r.distinct, err = counts(ctx, st.Conn(), "events")
	return r, err
}
