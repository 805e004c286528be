// Package chcluster runs a ClickHouse cluster for tests: one ZooKeeper
// (Debian's zookeeper package, as a child JVM) and clickhouse-server child
// processes, each with the config.d a cluster node needs (remote_servers,
// zookeeper, macros shard/replica, interserver host).
package chcluster

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"

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
