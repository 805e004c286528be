package access

import (
	"crypto/sha256"
	"slices"
	"sync"
	"time"
)

// cacheTTL is how long a verified token is trusted without a new lookup, and
// so the longest a disable or re-add made by another process goes unseen.
const cacheTTL = 60 * time.Second

// cacheSize bounds the verified tokens remembered.
const cacheSize = 1024

// verified remembers tokens that passed argon2 verification, keyed by the
// SHA-256 of the token (never the token itself).
type verified struct {
	mu      sync.Mutex
	entries map[[sha256.Size]byte]cached
}

// cached is one verified token's user and when it stops being trusted.
type cached struct {
	user    User
	expires time.Time
}

// get returns the user of token when it was verified less than cacheTTL ago.
func (v *verified) get(token string, now time.Time) (User, bool) {
	key := sha256.Sum256([]byte(token))
	v.mu.Lock()
	defer v.mu.Unlock()
	c, ok := v.entries[key]
	if !ok || !now.Before(c.expires) {
		delete(v.entries, key)
		return User{}, false
	}
	u := c.user
	u.Tenants = slices.Clone(u.Tenants)
	return u, true
}

// put remembers token as u's until now+cacheTTL, first dropping expired
// entries, and everything when that leaves no room.
func (v *verified) put(token string, u User, now time.Time) {
	key := sha256.Sum256([]byte(token))
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.entries == nil {
		v.entries = make(map[[sha256.Size]byte]cached)
	}
	if len(v.entries) >= cacheSize {
		for k, c := range v.entries {
			if !now.Before(c.expires) {
				delete(v.entries, k)
			}
		}
		if len(v.entries) >= cacheSize {
			clear(v.entries)
		}
	}
	v.entries[key] = cached{user: u, expires: now.Add(cacheTTL)}
}

// forget drops every entry of user name (after a disable or re-add).
func (v *verified) forget(name string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	for k, c := range v.entries {
		if c.user.Name == name {
			delete(v.entries, k)
		}
	}
}
