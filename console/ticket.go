package console

import (
	"crypto/sha256"
	"sync"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// Login ticket bounds.
const (
	ticketLifetime = 15 * time.Minute
	maxTickets     = 1000 // past it, the one nearest its end is dropped
)

// tickets are one-time login links: each, redeemed once within
// ticketLifetime, signs its user in. Kept by the SHA-256 of the ticket.
type tickets struct {
	mu      sync.Mutex
	now     func() time.Time
	pending map[[32]byte]pendingTicket
}

type pendingTicket struct {
	user    access.User
	expires time.Time
}

func newTickets(now func() time.Time) *tickets {
	return &tickets{now: now, pending: map[[32]byte]pendingTicket{}}
}

// mint returns a new ticket for u.
func (t *tickets) mint(u access.User) (string, error) {
	tok, err := randomToken()
	if err != nil {
		return "", err
	}
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.pending) >= maxTickets {
		t.evict(now)
	}
	t.pending[sha256.Sum256([]byte(tok))] = pendingTicket{user: u, expires: now.Add(ticketLifetime)}
	return tok, nil
}

// redeem returns tok's user and forgets tok: a second use, or one after
// the ticket expired, fails.
func (t *tickets) redeem(tok string) (access.User, bool) {
	key := sha256.Sum256([]byte(tok))
	t.mu.Lock()
	defer t.mu.Unlock()
	p, ok := t.pending[key]
	delete(t.pending, key)
	if !ok || !t.now().Before(p.expires) {
		return access.User{}, false
	}
	return p.user, true
}

// evict drops the expired tickets or, if none is, the one expiring first.
func (t *tickets) evict(now time.Time) {
	var first [32]byte
	var found bool
	for key, p := range t.pending {
		if !now.Before(p.expires) {
			delete(t.pending, key)
			continue
		}
		if !found || p.expires.Before(t.pending[first].expires) {
			first, found = key, true
		}
	}
	if len(t.pending) >= maxTickets {
		delete(t.pending, first)
	}
}
