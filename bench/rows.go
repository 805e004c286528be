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

// ingestOptions say how a row runs `credwatch ingest`.
type ingestOptions struct {
	binary    string
	batchSize int    // --batch-size (0: credwatch's own)
	publish   string // --publish-topic (row 4)
	profile   string // where to write a CPU profile of the process ("": none)
}

// runCredwatch is row 1: `credwatch ingest` end to end, Kafka → ClickHouse;
// with publish (row 4) it also publishes every stored event's wire form
// there for detection, and the row ends when all are published.
func runCredwatch(ctx context.Context, o ingestOptions, ch *chserver.Server, st *store.Store, brokers []string, n, rep int) (result, error) {
	cmd := exec.CommandContext(ctx, o.binary, "ingest")
	group := "bench" + o.publish + strconv.Itoa(rep)
	// The environment may override these (e.g. CREDWATCH_METRICS_ADDR to profile).
	cmd.Env = []string{"CREDWATCH_METRICS_ADDR=127.0.0.1:0", "CREDWATCH_LOG_LEVEL=warn",
		"CREDWATCH_REDACTION_KEY=benchmark-redaction-key-0123"}
	if o.batchSize > 0 { // else credwatch's defaults
		cmd.Env = append(cmd.Env, "CREDWATCH_BATCH_SIZE="+strconv.Itoa(o.batchSize))
	}
	cmd.Env = append(cmd.Env, os.Environ()...)
	cmd.Env = append(cmd.Env, "CREDWATCH_BROKERS="+strings.Join(brokers, ","), "CREDWATCH_TOPIC="+topicEvents,
		"CREDWATCH_GROUP="+group, "CREDWATCH_CLICKHOUSE="+ch.DSN(st.Database()),
		"CREDWATCH_PUBLISH_TOPIC="+o.publish)
	cmd.Stderr = os.Stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	profiled, err := profileIngest(ctx, cmd, o.profile)
	if err != nil {
		return result{}, err
	}
	cpu0 := cpuTime(ch.Pid())
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return result{}, err
	}
	rss := sampleRSS(cmd.Process.Pid)
	end, err := waitRows(ctx, st.Conn(), "events", uint64(n), start)
	if err == nil && o.publish != "" {
		end, err = waitCommitted(ctx, brokers, group, topicEvents, int64(n))
	}
	if err == nil {
		err = settle(ctx, st.Conn(), st.Database())
	}
	serverCPU := cpuTime(ch.Pid()) - cpu0
	if perr := <-profiled; err == nil {
		err = perr
	}
	peak := rss.Peak()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if werr := cmd.Wait(); werr != nil && err == nil {
		err = fmt.Errorf("credwatch ingest: %w", werr)
	}
	name := "credwatch ingest (Kafka → ClickHouse, validate + redact)"
	if o.publish != "" {
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
