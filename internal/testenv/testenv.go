// Package testenv starts the real servers tests need: a clickhouse-server
// child process and an in-process Kafka-protocol broker, and finds the
// chromium that browser tests drive. A missing ClickHouse or chromium binary
// (or ZooKeeper) fails the test under CI=true and skips it otherwise.
package testenv

import (
	"context"
	"errors"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/twmb/franz-go/pkg/kfake"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/internal/chcluster"
)

// ClickHouseBinary fails (CI=true) or skips the test when clickhouse-server
// is not installed.
func ClickHouseBinary(t testing.TB) {
	t.Helper()
	if _, err := chserver.Binary(); errors.Is(err, chserver.ErrNotInstalled) {
		Missing(t, err.Error())
	}
}

// ZooKeeper fails (CI=true) or skips the test when Debian's zookeeper (its
// jar and java) is not installed.
func ZooKeeper(t testing.TB) {
	t.Helper()
	if err := chcluster.ZooKeeperInstalled(); err != nil {
		Missing(t, err.Error())
	}
}

// Missing ends a test whose tool is not installed: a failure under CI=true,
// where every tool must be, a skip elsewhere.
func Missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("CI=true and %s", what)
	}
	t.Skipf("skipping: %s", what)
}

// SkipFigureIfShort skips a figure test (one that measures and prints) under
// -short, except under CI=true, where every test runs.
func SkipFigureIfShort(t testing.TB) {
	t.Helper()
	if testing.Short() && os.Getenv("CI") != "true" {
		t.Skip("figure test: skipped under -short (not under CI=true)")
	}
}

// ClickHouse starts a clickhouse-server for the test and stops it at cleanup.
func ClickHouse(t testing.TB) *chserver.Server {
	t.Helper()
	return ClickHouseWithUsers(t, "")
}

// LogQueries is a users.d override that has the server log every query
// (system.query_log), for tests that replay what credwatch sent.
const LogQueries = "<profiles><default><log_queries>1</log_queries></default></profiles>"

// ClickHouseWithUsers is ClickHouse with userOverrides in a users.d file.
func ClickHouseWithUsers(t testing.TB, userOverrides string) *chserver.Server {
	t.Helper()
	ClickHouseBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	s, err := chserver.Start(ctx, chserver.Config{Dir: t.TempDir(), UserOverrides: userOverrides})
	if err != nil {
		t.Fatalf("start clickhouse: %v", err)
	}
	t.Cleanup(s.Stop)
	return s
}

// Kafka starts an in-process broker with the topics seeded (partitions each).
func Kafka(t testing.TB, partitions int32, topics ...string) *kfake.Cluster {
	t.Helper()
	c, err := kfake.NewCluster(kfake.NumBrokers(1), kfake.SeedTopics(partitions, topics...), kfake.AllowAutoTopicCreation(),
		kfake.BrokerConfigs(map[string]string{"message.max.bytes": strconv.Itoa(16 << 20)})) // hostile tests send 5 MB
	if err != nil {
		t.Fatalf("start kafka: %v", err)
	}
	t.Cleanup(c.Close)
	return c
}

// Eventually polls cond every 20 ms until it holds or timeout passes.
func Eventually(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out after %s waiting for %s", timeout, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
