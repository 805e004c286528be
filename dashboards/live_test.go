package dashboards_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/allinone"
	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/internal/clock"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/produce"
	"github.com/credwatch/credwatch/store"
)

// topic is the run's events topic.
const topic = "credwatch.events"

// liveRun is `credwatch run` (package allinone: generator, attacks, ingest,
// live detection, response with its receiver, console) played in-process
// on a test ClickHouse and Kafka broker until the first attack is revoked
// and the second suppressed.
type liveRun struct {
	st      *store.Store
	grafana driver.Conn // what the dashboards' queries run on, as Grafana's data source connects
	metrics string      // /metrics, scraped while every service ran
	attack  attack      // the first attack played
	started time.Time   // when the run started
}

// startLiveRun plays the run on db and stops it; its tables stay for the
// tests.
func startLiveRun(t *testing.T, db target) *liveRun {
	brokers := testenv.Kafka(t, 4, topic, topic+".dlq", alertsink.DefaultTopic).ListenAddrs()
	ctx := context.Background()
	st := openStore(t, db.dsn)
	_, err := st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	run := &liveRun{st: st, grafana: st.Conn(), started: time.Now()}
	if db.grafana != "" {
		run.grafana = grafanaConn(t, db.grafana)
	}
	var firstAt atomic.Pointer[time.Time] // when the first attack was played
	suppressSecondAttack(t, st, run.started)
	sink := produce.NewKafkaSink(brokers, topic)
	require.NoError(t, sink.Write(ctx, []produce.Message{{Value: []byte("not an event")}}), "one rejection, for its metrics")
	require.NoError(t, sink.Close())

	metricsAddr, consoleAddr := freeAddr(t), freeAddr(t)
	runCtx, stop := context.WithCancel(ctx)
	var runErr error
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		runErr = allinone.Run(runCtx, allinone.Options{Brokers: brokers, ClickHouseDSN: db.dsn,
			DataDir: t.TempDir(), Topic: topic, Rate: 25, Seed: runSeed, MetricsAddr: metricsAddr, ConsoleAddr: consoleAddr,
			Status: io.Discard, Plain: true, FirstAttack: time.Second, AttackEvery: 2 * time.Second,
			OnAttack: func(name string, at time.Time) {
				if name == attackScenario {
					firstAt.CompareAndSwap(nil, &at)
				}
			}},
			slog.New(slog.DiscardHandler), clock.Real{})
	}()
	t.Cleanup(func() { stop(); <-finished })
	testenv.Eventually(t, 3*time.Minute, "the attack revoked, the second suppressed, a message rejected", func() bool {
		select {
		case <-finished:
			t.Fatalf("the run stopped early: %v", runErr)
		default:
		}
		run.metrics = scrape(metricsAddr)
		if at := firstAt.Load(); at != nil && run.attack.credential == "" {
			run.attack = firstAttack(t, *at)
		}
		return run.attack.credential != "" && attackStored(t, st, run.attack) &&
			sample(run.metrics, "credwatch_receiver_revocations_total") >= 1 &&
			strings.Contains(run.metrics, "credwatch_ingest_events_rejected_total{") && suppressedAlerts(t, st) > 0
	})
	stop()
	select {
	case <-finished:
		require.NoError(t, runErr)
	case <-time.After(time.Minute):
		t.Fatal("the run did not stop within a minute")
	}
	return run
}

// freeAddr is a free loopback address.
func freeAddr(t *testing.T) string {
	port, err := chserver.FreePort()
	require.NoError(t, err)
	return "127.0.0.1:" + strconv.Itoa(port)
}

// scrape is addr's /metrics text ("" while it does not answer).
func scrape(addr string) string {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// sample is the value of the unlabelled series name in text (0 if absent).
func sample(text, name string) float64 {
	for _, line := range strings.Split(text, "\n") {
		if v, ok := strings.CutPrefix(line, name+" "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}

// attackStored reports whether every event of a is in the events table.
func attackStored(t *testing.T, st *store.Store, a attack) bool {
	var n uint64
	require.NoError(t, st.Conn().QueryRow(context.Background(), "SELECT uniqExact(id) FROM events WHERE has(?, id)", a.eventIDs).Scan(&n))
	return n == uint64(len(a.eventIDs))
}
