package testenv

import (
	"os/exec"
	"syscall"
	"testing"
)

// Child is a process a test started (a credwatch command): it is killed
// with the test's parent and at cleanup.
type Child struct {
	cmd    *exec.Cmd
	exited chan struct{}
	err    error
}

// StartChild starts cmd, which dies with the test binary (SIGKILL) and is
// killed at cleanup.
func StartChild(t testing.TB, cmd *exec.Cmd) *Child {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", cmd.Path, err)
	}
	c := &Child{cmd: cmd, exited: make(chan struct{})}
	go func() { c.err = cmd.Wait(); close(c.exited) }()
	t.Cleanup(func() { _ = cmd.Process.Kill(); <-c.exited })
	return c
}

// Alive fails the test when the process has exited.
func (c *Child) Alive(t testing.TB) {
	t.Helper()
	select {
	case <-c.exited:
		t.Fatalf("%s exited early: %v", c.cmd.Path, c.err)
	default:
	}
}

// Signal sends sig and waits for the process to exit, returning how it did.
func (c *Child) Signal(t testing.TB, sig syscall.Signal) error {
	t.Helper()
	if err := c.cmd.Process.Signal(sig); err != nil {
		t.Fatalf("signal %s: %v", c.cmd.Path, err)
	}
	<-c.exited
	return c.err
}
