package console

import (
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// testClock is a clock the test moves.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var ann = access.User{Name: "ann", Role: access.Analyst, Tenants: []string{"acme"}}

// TestSessionsExpire: a session ends after 12 h unused, and after 24 h in
// all however much it is used; an ended one stays ended.
func TestSessionsExpire(t *testing.T) {
	clk := &testClock{t: now}
	s := newSessions(clk.Now, 10)
	idle, _, err := s.create(ann)
	require.NoError(t, err)
	busy, v, err := s.create(ann)
	require.NoError(t, err)
	require.Len(t, idle, 43, "256 bits, base64url")
	require.Len(t, v.csrf, 43)
	require.NotEqual(t, idle, busy)

	for range 11 { // busy is used every hour; idle is not
		clk.advance(time.Hour)
		_, ok := s.get(busy)
		require.True(t, ok)
	}
	clk.advance(59 * time.Minute)
	_, ok := s.get(idle)
	require.True(t, ok, "11 h 59 min unused")
	clk.advance(12 * time.Hour)
	_, ok = s.get(idle)
	require.False(t, ok, "12 h unused")

	busy2, _, err := s.create(ann)
	require.NoError(t, err)
	for range 23 {
		clk.advance(time.Hour)
		_, ok := s.get(busy2)
		require.True(t, ok)
	}
	clk.advance(time.Hour)
	_, ok = s.get(busy2)
	require.False(t, ok, "24 h after it started, however busy")
	clk.advance(-time.Hour)
	_, ok = s.get(busy2)
	require.False(t, ok, "an ended session stays ended")
	_, ok = s.get("forged-" + busy)
	require.False(t, ok)
}

// TestSessionsBounded: past the bound, expired sessions go first, then the
// least recently used.
func TestSessionsBounded(t *testing.T) {
	clk := &testClock{t: now}
	s := newSessions(clk.Now, 3)
	var ids []string
	for range 3 {
		id, _, err := s.create(ann)
		require.NoError(t, err)
		ids = append(ids, id)
		clk.advance(time.Minute)
	}
	_, ok := s.get(ids[0]) // ids[1] is now the least recently used
	require.True(t, ok)
	fourth, _, err := s.create(ann)
	require.NoError(t, err)
	require.Len(t, s.byID, 3)
	for i, want := range []bool{true, false, true} {
		_, ok := s.get(ids[i])
		require.Equal(t, want, ok, "session %d", i)
	}
	clk.advance(13 * time.Hour) // all expired: the next one clears them
	_, _, err = s.create(ann)
	require.NoError(t, err)
	require.Len(t, s.byID, 1)
	_, ok = s.get(fourth)
	require.False(t, ok)
}

// TestSessionsAreKeptHashed: the store holds no session id.
func TestSessionsAreKeptHashed(t *testing.T) {
	s := newSessions(func() time.Time { return now }, 3)
	id, _, err := s.create(ann)
	require.NoError(t, err)
	for key := range s.byID {
		require.NotContains(t, fmt.Sprintf("%x %s", key, key[:]), id)
	}
}
