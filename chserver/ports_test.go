package chserver

import (
	"context"
	"errors"
	"net"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// requireBinary fails under CI=true and skips otherwise when the server is
// not installed (internal/testenv would import this package back).
func requireBinary(t *testing.T) string {
	t.Helper()
	bin, err := Binary()
	if errors.Is(err, ErrNotInstalled) {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and %v", err)
		}
		t.Skipf("skipping: %v", err)
	}
	return bin
}

// busyPort holds a loopback port for the test, as another process would.
func busyPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	return l.Addr().(*net.TCPAddr).Port
}

func TestStartRepicksAPortTakenAfterItWasPicked(t *testing.T) {
	bin := requireBinary(t)
	taken := busyPort(t)
	picks := 0
	picker := func() (int, error) {
		picks++
		if picks == 2 { // the HTTP port of the first attempt
			return taken, nil
		}
		return FreePort()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	s, err := startOnFreePorts(ctx, bin, Config{Dir: t.TempDir(), ConfigFile: "/etc/clickhouse-server/config.xml"}, picker)
	require.NoError(t, err)
	defer s.Stop()
	require.NotEqual(t, taken, s.Config().HTTPPort)
	require.Equal(t, 6, picks, "one more set of three ports after the lost race")
	require.NoError(t, s.ping(ctx))
}

func TestStartKeepsACallerChosenBusyPortAndSaysWhy(t *testing.T) {
	requireBinary(t)
	taken := busyPort(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	_, err := Start(ctx, Config{Dir: t.TempDir(), HTTPPort: taken})
	require.ErrorContains(t, err, "exited during start-up")
}
