package chcluster

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"strconv"
	"syscall"
	"time"
)

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
