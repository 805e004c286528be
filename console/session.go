package console

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"sync"
	"time"

	"github.com/credwatch/credwatch/console/access"
)

// Session bounds.
const (
	sessionIdle     = 12 * time.Hour // unused this long, a session ends
	sessionLifetime = 24 * time.Hour // and it never outlives this
	maxSessions     = 10000          // past it, the least recently used one ends
)

// session is one signed-in browser: the user it acts for and the token its
// state-changing requests must carry (the synchronizer CSRF token).
type session struct {
	user     access.User
	csrf     string
	created  time.Time
	lastUsed time.Time
	checked  time.Time // when the user was last confirmed by the user store
}

// sessions keeps sessions in memory, keyed by the SHA-256 of their id (the
// id itself is only in the browser's cookie), bounded in number, each
// ending after sessionIdle unused or sessionLifetime in all.
type sessions struct {
	mu   sync.Mutex
	now  func() time.Time
	byID map[[32]byte]*session
	max  int
}

func newSessions(now func() time.Time, limit int) *sessions {
	return &sessions{now: now, byID: map[[32]byte]*session{}, max: limit}
}

// create starts a session for u and returns its id (256 random bits).
func (s *sessions) create(u access.User) (string, session, error) {
	id, err := randomToken()
	if err != nil {
		return "", session{}, err
	}
	csrf, err := randomToken()
	if err != nil {
		return "", session{}, err
	}
	now := s.now()
	v := &session{user: u, csrf: csrf, created: now, lastUsed: now, checked: now}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.byID) >= s.max {
		s.evict(now)
	}
	s.byID[sha256.Sum256([]byte(id))] = v
	return id, *v, nil
}

// get returns id's session and marks it used; an expired one is ended.
func (s *sessions) get(id string) (session, bool) {
	key := sha256.Sum256([]byte(id))
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.byID[key]
	if !ok {
		return session{}, false
	}
	now := s.now()
	if s.expired(v, now) {
		delete(s.byID, key)
		return session{}, false
	}
	v.lastUsed = now
	return *v, true
}

// confirmed replaces id's user with the user store's current answer.
func (s *sessions) confirmed(id string, u access.User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.byID[sha256.Sum256([]byte(id))]; ok {
		v.user, v.checked = u, s.now()
	}
}

// end ends id's session, if there is one.
func (s *sessions) end(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.byID, sha256.Sum256([]byte(id)))
}

func (s *sessions) expired(v *session, now time.Time) bool {
	return now.Sub(v.lastUsed) >= sessionIdle || now.Sub(v.created) >= sessionLifetime
}

// evict drops the expired sessions or, if none is, the least recently used.
func (s *sessions) evict(now time.Time) {
	var oldest [32]byte
	var found bool
	for key, v := range s.byID {
		if s.expired(v, now) {
			delete(s.byID, key)
			continue
		}
		if !found || v.lastUsed.Before(s.byID[oldest].lastUsed) {
			oldest, found = key, true
		}
	}
	if len(s.byID) >= s.max {
		delete(s.byID, oldest)
	}
}

// randomToken is 256 random bits, URL-safe.
func randomToken() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}
