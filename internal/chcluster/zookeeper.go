// Package chcluster runs a ClickHouse cluster for tests: one ZooKeeper
// (Debian's zookeeper package, as a child JVM) and clickhouse-server child
// processes, each with the config.d a cluster node needs (remote_servers,
// zookeeper, macros shard/replica, interserver host).
package chcluster

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/credwatch/credwatch/chserver"
)

// ZooKeeperJar is Debian's zookeeper jar (its manifest names the rest of its
// class path).
const ZooKeeperJar = "/usr/share/java/zookeeper.jar"

// ZooKeeperInstallHint is the command that installs ZooKeeper on Debian.
const ZooKeeperInstallHint = "apt-get update && apt-get install -y zookeeper"

// ErrNoZooKeeper reports that Debian's zookeeper (or java) is not installed.
var ErrNoZooKeeper = errors.New("zookeeper not found (" + ZooKeeperJar + " and java); install it with: " + ZooKeeperInstallHint)

// ZooKeeper is a standalone ZooKeeper child process on a loopback port.
type ZooKeeper struct {
	port int
	dir  string
	cmd  *exec.Cmd
	done chan error
}

// ZooKeeperInstalled says whether the jar and a java binary are present.
func ZooKeeperInstalled() error {
	if _, err := os.Stat(ZooKeeperJar); err != nil {
		return ErrNoZooKeeper
	}
	if _, err := exec.LookPath("java"); err != nil {
		return ErrNoZooKeeper
	}
	return nil
}

// StartZooKeeper starts ZooKeeper with its data under dir and waits until it
// serves requests or ctx ends.
func StartZooKeeper(ctx context.Context, dir string) (*ZooKeeper, error) {
	if err := ZooKeeperInstalled(); err != nil {
		return nil, err
	}
	port, err := chserver.FreePort()
	if err != nil {
		return nil, err
	}
	z := &ZooKeeper{port: port, dir: dir}
	if err := z.writeConfig(); err != nil {
		return nil, fmt.Errorf("zookeeper config: %w", err)
	}
	if err := z.launch(); err != nil {
		return nil, err
	}
	if err := z.waitReady(ctx); err != nil {
		z.Stop()
		return nil, err
	}
	return z, nil
}

func (z *ZooKeeper) writeConfig() error {
	if err := os.MkdirAll(filepath.Join(z.dir, "data"), 0o750); err != nil {
		return err
	}
	cfg := fmt.Sprintf("tickTime=500\ndataDir=%s\nclientPort=%d\nclientPortAddress=127.0.0.1\n"+
		"admin.enableServer=false\n4lw.commands.whitelist=ruok,srvr\nmaxClientCnxns=0\n",
		filepath.Join(z.dir, "data"), z.port)
	return os.WriteFile(filepath.Join(z.dir, "zoo.cfg"), []byte(cfg), 0o640)
}

func (z *ZooKeeper) launch() error {
	log, err := os.Create(filepath.Join(z.dir, "zookeeper.log"))
	if err != nil {
		return fmt.Errorf("zookeeper log: %w", err)
	}
	defer log.Close()
	cmd := exec.Command("java", "-Xmx256m", "-cp", "/etc/zookeeper/conf:"+ZooKeeperJar,
		"org.apache.zookeeper.server.quorum.QuorumPeerMain", filepath.Join(z.dir, "zoo.cfg"))
	cmd.Dir, cmd.Stdout, cmd.Stderr = z.dir, log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start zookeeper: %w", err)
	}
	z.cmd, z.done = cmd, make(chan error, 1)
	go func() { z.done <- cmd.Wait() }()
	return nil
}

func (z *ZooKeeper) waitReady(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	for z.serving() != nil {
		select {
		case err := <-z.done:
			z.done <- err
			return fmt.Errorf("zookeeper exited during start-up (%v); see %s/zookeeper.log", err, z.dir)
		case <-ctx.Done():
			return fmt.Errorf("zookeeper not ready: %w; see %s/zookeeper.log", ctx.Err(), z.dir)
		case <-tick.C:
		}
	}
	return nil
}

// serving sends ZooKeeper's "srvr" four-letter command and expects its
// mode: "ruok" answers "imok" before the server takes sessions, and
// clickhouse-server 18.16 can crash on a ZooKeeper refusing its handshake.
func (z *ZooKeeper) serving() error {
	c, err := net.DialTimeout("tcp", z.Addr(), time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(time.Second))
	if _, err := c.Write([]byte("srvr")); err != nil {
		return err
	}
	out, err := io.ReadAll(c)
	if !bytes.Contains(out, []byte("Mode: ")) {
		return fmt.Errorf("zookeeper not serving: %q %v", out, err)
	}
	return nil
}

// Host and Port are where clients connect.
func (z *ZooKeeper) Host() string { return "127.0.0.1" }

// Port is the client port.
func (z *ZooKeeper) Port() int { return z.port }

// Addr is host:port.
func (z *ZooKeeper) Addr() string { return net.JoinHostPort(z.Host(), strconv.Itoa(z.port)) }

// Stop terminates ZooKeeper and waits for it.
func (z *ZooKeeper) Stop() {
	if z.cmd == nil || z.cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-z.cmd.Process.Pid, syscall.SIGKILL)
	err := <-z.done
	z.done <- err
}
