package chserver_test

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/internal/testenv"
)

// busyPort holds a loopback port for the test, as another process would.
func busyPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { l.Close() })
	return l.Addr().(*net.TCPAddr).Port
}

func TestStartRepicksAPortTakenAfterItWasPicked(t *testing.T) {
	testenv.ClickHouseBinary(t)
	bin, err := chserver.Binary()
	require.NoError(t, err)
	taken := busyPort(t)
	picks := 0
	picker := func() (int, error) {
		picks++
		if picks == 2 { // the HTTP port of the first attempt
			return taken, nil
		}
		return chserver.FreePort()
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	s, err := chserver.StartOnFreePorts(ctx, bin, chserver.Config{Dir: t.TempDir(), ConfigFile: "/etc/clickhouse-server/config.xml"}, picker)
	require.NoError(t, err)
	defer s.Stop()
	require.NotEqual(t, taken, s.Config().HTTPPort)
	require.Equal(t, 6, picks, "one more set of three ports after the lost race")
	require.NoError(t, s.Ping(ctx))
}

func TestStartKeepsACallerChosenBusyPortAndSaysWhy(t *testing.T) {
	testenv.ClickHouseBinary(t)
	taken := busyPort(t)
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	_, err := chserver.Start(ctx, chserver.Config{Dir: t.TempDir(), HTTPPort: taken})
	require.ErrorContains(t, err, "exited during start-up")
}
