package respond

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/respond/policy"
	"github.com/credwatch/credwatch/store"
)

// One clickhouse-server serves every test of the package, each test in a
// database of its own: starting one per test would cost ~3 s each. Its
// data lives in /dev/shm when there is one: on this project's VM an INSERT
// costs 25-50 ms on disk and 2-4 ms on tmpfs, and the outbox makes one per
// alert (the storm test's 1,000 alerts took a minute on disk).
var shared struct {
	once   sync.Once
	dir    string
	server *chserver.Server
	err    error
	dbs    atomic.Int64
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.server != nil {
		shared.server.Stop()
	}
	if shared.dir != "" {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// clickHouse is the shared server; it fails (CI=true) or skips the test
// when clickhouse-server is not installed.
func clickHouse(t *testing.T) *chserver.Server {
	t.Helper()
	testenv.ClickHouseBinary(t)
	shared.once.Do(func() {
		base := ""
		if fi, err := os.Stat("/dev/shm"); err == nil && fi.IsDir() {
			base = "/dev/shm"
		}
		if shared.dir, shared.err = os.MkdirTemp(base, "respond-ch-"); shared.err != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		shared.server, shared.err = chserver.Start(ctx, chserver.Config{Dir: shared.dir})
	})
	require.NoError(t, shared.err, "start clickhouse")
	return shared.server
}

// newStore is a migrated database of the test's own on the shared server.
func newStore(t *testing.T) *store.Store {
	st, _ := newStoreDSN(t)
	return st
}

// newStoreDSN is newStore and its DSN, for another process.
func newStoreDSN(t *testing.T) (*store.Store, string) {
	t.Helper()
	ch := clickHouse(t)
	db := fmt.Sprintf("respond_%d", shared.dbs.Add(1))
	ctx := context.Background()
	st, err := store.Open(ctx, ch.DSN(db), discardLog())
	require.NoError(t, err)
	t.Cleanup(func() {
		_ = st.Conn().Exec(context.Background(), "DROP DATABASE IF EXISTS "+db)
		st.Close()
	})
	_, err = st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	return st, ch.DSN(db)
}

var defaultPolicy struct {
	once sync.Once
	p    *policy.Policy
	err  error
}

// testPolicy is the embedded default response policy, compiled once.
func testPolicy(t *testing.T) *policy.Policy {
	t.Helper()
	defaultPolicy.once.Do(func() { defaultPolicy.p, defaultPolicy.err = policy.Default(context.Background()) })
	require.NoError(t, defaultPolicy.err)
	return defaultPolicy.p
}

func discardLog() *slog.Logger { return slog.New(slog.DiscardHandler) }
