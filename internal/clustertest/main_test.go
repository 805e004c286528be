package clustertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/credwatch/credwatch/internal/chcluster"
	"github.com/credwatch/credwatch/internal/testenv"
)

// shared is what every test of this binary shares: one ZooKeeper (each
// cluster uses its own databases under it) and one built credwatch binary.
type shared struct {
	dir     string
	zkOnce  sync.Once
	zk      *chcluster.ZooKeeper
	zkErr   error
	binOnce sync.Once
	bin     string
	binErr  error
}

var env shared

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "credwatch-cluster-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	env.dir = dir
	code := m.Run()
	if env.zk != nil {
		env.zk.Stop()
	}
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// requireTools fails the test under CI=true, and skips it otherwise, when
// clickhouse-server or Debian's zookeeper is not installed.
func requireTools(t *testing.T) {
	t.Helper()
	testenv.ClickHouseBinary(t)
	testenv.ZooKeeper(t)
}

// zooKeeper starts the binary's ZooKeeper on first use.
func zooKeeper(t *testing.T) *chcluster.ZooKeeper {
	t.Helper()
	env.zkOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		zkDir := filepath.Join(env.dir, "zookeeper")
		if env.zkErr = os.MkdirAll(zkDir, 0o750); env.zkErr == nil {
			env.zk, env.zkErr = chcluster.StartZooKeeper(ctx, zkDir)
		}
	})
	if env.zkErr != nil {
		t.Fatalf("start zookeeper: %v", env.zkErr)
	}
	return env.zk
}

// credwatchBinary builds cmd/credwatch once for the binary's tests.
func credwatchBinary(t *testing.T) string {
	t.Helper()
	env.binOnce.Do(func() {
		env.bin = filepath.Join(env.dir, "credwatch")
		out, err := exec.Command("go", "build", "-o", env.bin, "github.com/credwatch/credwatch/cmd/credwatch").CombinedOutput()
		if err != nil {
			env.binErr = errors.New(string(out))
		}
	})
	if env.binErr != nil {
		t.Fatalf("build credwatch: %v", env.binErr)
	}
	return env.bin
}
