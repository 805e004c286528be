package bench

import (
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// clockTicks is USER_HZ on Linux.
const clockTicks = 100

// cpuTime reads a process's user+system CPU time from /proc (0 if gone).
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0
	}
	// Fields after the parenthesised command; utime and stime are 14 and 15.
	rest := string(b[strings.LastIndexByte(string(b), ')')+2:])
	f := strings.Fields(rest)
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / clockTicks
}

// peakRSS reads a live process's peak resident memory (VmHWM) in bytes.
// rusage's ru_maxrss is not used: it counts the pages a child shared with
// this (large) process between fork and exec.
func peakRSS(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb * 1024
		}
	}
	return 0
}

// rssSampler keeps the last VmHWM read from a process until it exits.
type rssSampler struct {
	peak atomic.Int64
	stop chan struct{}
	done chan struct{}
}

func sampleRSS(pid int) *rssSampler {
	s := &rssSampler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		for {
			if v := peakRSS(pid); v > 0 {
				s.peak.Store(v)
			}
			select {
			case <-s.stop:
				return
			case <-time.After(50 * time.Millisecond):
			}
		}
	}()
	return s
}

// Peak stops sampling and returns the peak seen.
func (s *rssSampler) Peak() int64 {
	close(s.stop)
	<-s.done
	return s.peak.Load()
}

// cpuOf is a finished child's user+system CPU time.
func cpuOf(state *os.ProcessState) time.Duration {
	return state.UserTime() + state.SystemTime()
}
