package allinone_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/chserver"
	"github.com/credwatch/credwatch/internal/testenv"
)

// TestRunOnEmbeddedDefaults runs `credwatch run` with nothing configured:
// it prints where everything runs, stores generated events, and on SIGINT
// exits 0 leaving no clickhouse-server behind.
func TestRunOnEmbeddedDefaults(t *testing.T) {
	testenv.ClickHouseBinary(t)
	bin := filepath.Join(t.TempDir(), "credwatch")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/credwatch/credwatch/cmd/credwatch").CombinedOutput()
	require.NoError(t, err, string(out))
	dataDir := t.TempDir()
	port, err := chserver.FreePort()
	require.NoError(t, err)
	metrics := "127.0.0.1:" + strconv.Itoa(port)
	cport, err := chserver.FreePort()
	require.NoError(t, err)
	consoleAddr := "127.0.0.1:" + strconv.Itoa(cport)
	cmd := exec.Command(bin, "run", "--data-dir", dataDir, "--rate", "500", "--metrics-addr", metrics,
		"--first-attack", "5s", "--console-addr", consoleAddr)
	var stdout lockedBuffer
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		if t.Failed() {
			t.Logf("stdout:\n%s\nstderr:\n%s", stdout.String(), stderr.String())
		}
	})

	testenv.Eventually(t, 90*time.Second, "generated events stored", func() bool {
		select {
		case err := <-exited:
			t.Fatalf("credwatch run exited early: %v", err)
		default:
		}
		return metric(metrics, "credwatch_ingest_events_stored_total") >= 500
	})
	testenv.Eventually(t, 60*time.Second, "generated events judged live", func() bool {
		return metricSum(metrics, "credwatch_detect_events_total") >= 500
	})
	// The attack played 5 s in is alerted, decided and revoked at the
	// run's own receiver (the default policy revokes a leaked token).
	testenv.Eventually(t, 90*time.Second, "attack revoked at the receiver", func() bool {
		return metric(metrics, "credwatch_receiver_revocations_total") >= 1
	})
	requireConsoleAlerts(t, stdout.String(), consoleAddr)
	resp, err := http.Get("http://" + metrics + "/readyz")
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	require.NoError(t, cmd.Process.Signal(syscall.SIGINT))
	select {
	case err := <-exited:
		require.NoError(t, err, "Ctrl-C must exit 0")
	case <-time.After(60 * time.Second):
		t.Fatal("credwatch run did not stop within 60 s of SIGINT")
	}
	banner := stdout.String()
	for _, want := range []string{"kafka", "(embedded)", "clickhouse", "detect", "alerts.jsonl", "metrics", "http://" + metrics + "/metrics", "generator"} {
		require.Contains(t, banner, want)
	}
	require.Empty(t, processesUsing(dataDir), "no clickhouse-server may outlive credwatch run")
	require.FileExists(t, filepath.Join(dataDir, "redaction.key"))
	require.FileExists(t, filepath.Join(dataDir, "alerts.jsonl"))
	require.FileExists(t, filepath.Join(dataDir, "receiver", "journal.jsonl"))
	require.Contains(t, stdout.String(), "revoked 1", "the plain status line shows the revocation")
}

// metric scrapes one unlabelled series' value from /metrics (0 if absent).
func metric(addr, name string) float64 {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), name+" "); ok {
			f, _ := strconv.ParseFloat(v, 64)
			return f
		}
	}
	return 0
}

// metricSum sums every series of name on /metrics.
func metricSum(addr, name string) float64 {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return 0
	}
	defer resp.Body.Close()
	var sum float64
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, name+" ") || strings.HasPrefix(line, name+"{") {
			f, _ := strconv.ParseFloat(line[strings.LastIndexByte(line, ' ')+1:], 64)
			sum += f
		}
	}
	return sum
}

// processesUsing lists pids whose command line mentions dir.
func processesUsing(dir string) []string {
	var pids []string
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		f, err := os.Open(filepath.Join("/proc", e.Name(), "cmdline"))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(f)
		f.Close()
		if bytes.Contains(b, []byte(dir)) {
			pids = append(pids, e.Name())
		}
	}
	return pids
}

// requireConsoleAlerts finds the console line of the banner and lists the
// alerts with the token it shows: the attack's alert is there, with its
// tenant.
func requireConsoleAlerts(t *testing.T, banner, addr string) {
	t.Helper()
	var token, link string
	for _, line := range strings.Split(banner, "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "console" {
			require.Contains(t, line, "http://"+addr+"/api/v1/alerts")
			_, after, _ := strings.Cut(line, "Bearer ")
			token, _, _ = strings.Cut(after, " ")
			link = f[1]
		}
	}
	require.NotEmpty(t, token, "a line starting console shows the URL and a token")
	requireLoginLinkOnce(t, link, addr)
	var alerts struct {
		Alerts []struct{ Tenant, Rule string }
	}
	testenv.Eventually(t, 30*time.Second, "the attack's alert in the console", func() bool {
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/api/v1/alerts", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return false
		}
		defer resp.Body.Close()
		require.Equal(t, http.StatusOK, resp.StatusCode)
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&alerts))
		return len(alerts.Alerts) > 0
	})
	require.NotEmpty(t, alerts.Alerts[0].Tenant)
}

// requireLoginLinkOnce: the banner's login link signs in once (a session
// cookie and the alerts page), and is refused the second time.
func requireLoginLinkOnce(t *testing.T, link, addr string) {
	t.Helper()
	require.True(t, strings.HasPrefix(link, "http://"+addr+"/login/ticket/"), link)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for i, want := range []int{http.StatusSeeOther, http.StatusNotFound} {
		resp, err := client.Get(link)
		require.NoError(t, err)
		resp.Body.Close()
		require.Equal(t, want, resp.StatusCode, "use %d", i+1)
		require.Equal(t, i == 0, len(resp.Cookies()) > 0, "use %d", i+1)
	}
}

// lockedBuffer is a bytes.Buffer the test may read while the process writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
