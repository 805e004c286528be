package console

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// failureLimit bounds failed authentications per client address: after
// maxFailures within failureWindow, the address is refused (429) until the
// window ends, so that tokens cannot be guessed at speed. Bounded: at most
// maxTracked addresses are remembered (the oldest window is forgotten).
type failureLimit struct {
	mu   sync.Mutex
	now  func() time.Time
	seen map[string]*failures
}

type failures struct {
	n     int
	since time.Time
}

const (
	maxFailures   = 10
	failureWindow = time.Minute
	maxTracked    = 10000
)

func newFailureLimit(now func() time.Time) *failureLimit {
	return &failureLimit{now: now, seen: map[string]*failures{}}
}

// blocked reports whether r's address used up its failures.
func (l *failureLimit) blocked(r *http.Request) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.seen[clientAddr(r)]
	return f != nil && f.n >= maxFailures && l.now().Sub(f.since) < failureWindow
}

// failed counts a failed authentication from r's address.
func (l *failureLimit) failed(r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now, addr := l.now(), clientAddr(r)
	f := l.seen[addr]
	if f == nil || now.Sub(f.since) >= failureWindow {
		if f == nil && len(l.seen) >= maxTracked {
			l.forgetOldest()
		}
		f = &failures{since: now}
		l.seen[addr] = f
	}
	f.n++
}

func (l *failureLimit) forgetOldest() {
	var oldest string
	for addr, f := range l.seen {
		if oldest == "" || f.since.Before(l.seen[oldest].since) {
			oldest = addr
		}
	}
	delete(l.seen, oldest)
}

// clientAddr is the request's peer address without the port.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
