// Package chserver runs a clickhouse-server as a managed child process: tests
// use it for a real database and `credwatch run` uses it as its embedded store.
package chserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"
)

// InstallHint is the command that installs the server on Debian.
const InstallHint = "apt-get update && apt-get install -y clickhouse-server clickhouse-client"

// ErrNotInstalled reports that no clickhouse-server binary was found.
var ErrNotInstalled = errors.New("clickhouse-server not found on PATH; install it with: " + InstallHint)

// Config says where the server keeps its data and which ports it listens on.
// Zero ports are replaced by free loopback ports.
type Config struct {
	Dir         string // data, logs and tmp live under it
	TCPPort     int
	HTTPPort    int
	InterServer int
	ConfigFile  string // default /etc/clickhouse-server/config.xml
	// Overrides is XML placed inside <yandex> in a config.d file, e.g.
	// "<kafka><auto_offset_reset>smallest</auto_offset_reset></kafka>".
	Overrides string
	// UserOverrides is XML placed inside <yandex> in a users.d file, e.g.
	// a profile's settings: "<profiles><default>…</default></profiles>".
	UserOverrides string
}

// Server is a running clickhouse-server child process.
type Server struct {
	cfg  Config
	cmd  *exec.Cmd
	done chan error
}

// Binary returns the path of clickhouse-server or ErrNotInstalled.
func Binary() (string, error) {
	p, err := exec.LookPath("clickhouse-server")
	if err != nil {
		return "", ErrNotInstalled
	}
	return p, nil
}

// Start launches the server and waits until it answers /ping or ctx ends.
func Start(ctx context.Context, cfg Config) (*Server, error) {
	bin, err := Binary()
	if err != nil {
		return nil, err
	}
	if cfg.ConfigFile == "" {
		cfg.ConfigFile = "/etc/clickhouse-server/config.xml"
	}
	if cfg.Dir, err = filepath.Abs(cfg.Dir); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Dir, 0o750); err != nil {
		return nil, fmt.Errorf("clickhouse data dir: %w", err)
	}
	if cfg.Overrides != "" || cfg.UserOverrides != "" {
		if cfg.ConfigFile, err = withOverrides(cfg); err != nil {
			return nil, fmt.Errorf("clickhouse config: %w", err)
		}
	}
	return startOnFreePorts(ctx, bin, cfg, FreePort)
}

// portAttempts bounds how often Start re-picks ports another process took
// between FreePort and the server binding them.
const portAttempts = 5

// startOnFreePorts fills the zero ports with free ones and starts the server;
// when it dies because a picked port was taken meanwhile, it picks again.
// Ports the caller chose are never changed.
func startOnFreePorts(ctx context.Context, bin string, want Config, freePort func() (int, error)) (*Server, error) {
	var err error
	for range portAttempts {
		cfg := want
		for _, p := range []*int{&cfg.TCPPort, &cfg.HTTPPort, &cfg.InterServer} {
			if *p == 0 {
				if *p, err = freePort(); err != nil {
					return nil, err
				}
			}
		}
		s := &Server{cfg: cfg}
		errLogSize := fileSize(s.errLog())
		if err = s.launch(bin); err != nil {
			return nil, err
		}
		if err = s.waitReady(ctx); err == nil {
			return s, nil
		}
		s.Stop()
		if !s.lostPortRace(errLogSize) || !picksPorts(want) {
			return nil, err
		}
	}
	return nil, err
}

func (s *Server) launch(bin string) error {
	c := s.cfg
	cmd := exec.Command(bin, "--config-file="+c.ConfigFile, "--",
		"--path="+c.Dir+"/", "--tmp_path="+c.Dir+"/tmp/",
		"--user_files_path="+c.Dir+"/user_files/", "--format_schema_path="+c.Dir+"/format_schemas/",
		"--listen_host=127.0.0.1",
		"--tcp_port="+strconv.Itoa(c.TCPPort), "--http_port="+strconv.Itoa(c.HTTPPort),
		"--interserver_http_port="+strconv.Itoa(c.InterServer),
		"--logger.log="+c.Dir+"/log", "--logger.errorlog="+s.errLog(), "--logger.console=0")
	cmd.Dir = c.Dir
	// Own process group, and die with the parent on Linux so no server is orphaned.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start clickhouse-server: %w", err)
	}
	s.cmd = cmd
	s.done = make(chan error, 1)
	go func() { s.done <- cmd.Wait() }()
	return nil
}

func (s *Server) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for {
		if s.ping(ctx) == nil {
			return nil
		}
		select {
		case err := <-s.done:
			s.done <- err
			return fmt.Errorf("clickhouse-server exited during start-up (%v); see %s/err", err, s.cfg.Dir)
		case <-ctx.Done():
			return fmt.Errorf("clickhouse-server not ready: %w; see %s/err", ctx.Err(), s.cfg.Dir)
		case <-tick.C:
		}
	}
}

// pingTimeout bounds one /ping: a port held by another process may accept
// the connection and never answer.
const pingTimeout = time.Second

func (s *Server) ping(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, pingTimeout)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+s.HTTPAddr()+"/ping", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("ping: %s", resp.Status)
	}
	return nil
}

// Addr is the native-protocol address (host:port).
func (s *Server) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.cfg.TCPPort)) }

// HTTPAddr is the HTTP interface address (host:port).
func (s *Server) HTTPAddr() string {
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.cfg.HTTPPort))
}

// DSN is a credwatch ClickHouse DSN for database db on this server.
func (s *Server) DSN(db string) string {
	return "clickhouse://" + s.Addr() + "/" + db + "?http_port=" + strconv.Itoa(s.cfg.HTTPPort)
}

// Pid is the server's process id.
func (s *Server) Pid() int { return s.cmd.Process.Pid }

// Config returns the configuration the server runs with (ports filled in).
func (s *Server) Config() Config { return s.cfg }

// Stop terminates the server (SIGTERM, then SIGKILL after 10 s) and waits for it.
func (s *Server) Stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	_ = s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		s.done <- err
	case <-time.After(10 * time.Second):
		_ = syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
		err := <-s.done
		s.done <- err
	}
}

// FreePort asks the kernel for a free loopback TCP port.
func FreePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
