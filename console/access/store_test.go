package access_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/store"
)

// clock is a settable test clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

func (c *clock) advance(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// openStore starts ClickHouse, migrates database db and returns the store.
func openStore(t *testing.T, dsn string) *store.Store {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, dsn, slog.New(slog.NewTextHandler(io.Discard, nil)))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	_, err = st.Migrate(ctx, store.MigrateOptions{})
	require.NoError(t, err)
	return st
}

func TestStore(t *testing.T) {
	ch := testenv.ClickHouse(t)
	st := openStore(t, ch.DSN("credwatch"))
	clk := &clock{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	s := access.NewStore(st, clk.now)
	t.Run("round trip", func(t *testing.T) { testRoundTrip(t, s) })
	t.Run("refusals", func(t *testing.T) { testRefusals(t, s) })
	t.Run("disable", func(t *testing.T) { testDisable(t, s, access.NewStore(st, clk.now), clk) })
	t.Run("re-add", func(t *testing.T) { testReAdd(t, s, access.NewStore(st, clk.now)) })
	t.Run("validation", func(t *testing.T) { testValidation(t, s) })
	t.Run("no raw token stored", func(t *testing.T) { testNoRawToken(t, s, st) })
	t.Run("list", func(t *testing.T) { testList(t, s) })
	t.Run("user by name", func(t *testing.T) { testUserByName(t, s) })
}

func testRoundTrip(t *testing.T, s *access.Store) {
	ctx := context.Background()
	for _, u := range []access.User{
		{Name: "alice@example.com", Role: access.Analyst, Tenants: []string{"acme", "globex"}},
		{Name: "root", Role: access.Admin},
		{Name: "v.1_x-y", Role: access.Viewer, Tenants: []string{"acme"}},
		{Name: "ivan", Role: access.Investigator},
	} {
		token, err := s.Add(ctx, u.Name, u.Role, u.Tenants)
		require.NoError(t, err)
		require.Regexp(t, `^cwk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$`, token)
		got, err := s.Authenticate(ctx, token)
		require.NoError(t, err)
		require.Equal(t, u.Name, got.Name)
		require.Equal(t, u.Role, got.Role)
		require.ElementsMatch(t, u.Tenants, got.Tenants)
		again, err := s.Authenticate(ctx, token) // from the cache
		require.NoError(t, err)
		require.Equal(t, got, again)
	}
}

func testRefusals(t *testing.T, s *access.Store) {
	ctx := context.Background()
	token, err := s.Add(ctx, "bob", access.Analyst, nil)
	require.NoError(t, err)
	id := token[:len("cwk_")+12]
	flip := map[byte]byte{'A': 'B'}
	last := token[len(token)-2]
	if b, ok := flip[last]; ok {
		last = b
	} else {
		last = 'A'
	}
	cases := map[string]string{
		"wrong secret":   id + "_" + strings.Repeat("A", 43),
		"changed secret": token[:len(token)-2] + string(last) + token[len(token)-1:],
		"unknown id":     "cwk_000000000000" + token[len(id):],
		"empty":          "",
		"prefix only":    "cwk_",
		"sql in id":      "cwk_' OR 1=1 --" + token[len(id)-1:],
		"sql union":      "cwk_x' UNION SELECT * FROM console_users --",
		"sql drop":       "'; DROP TABLE console_users; --",
		"id only":        id,
		"huge":           id + "_" + strings.Repeat("A", 10<<20),
		"nul":            id + "_\x00" + strings.Repeat("A", 42),
		"bearer":         "Bearer " + token,
		"trailing space": token + " ",
		"upper case":     strings.ToUpper(token),
	}
	for name, bad := range cases {
		_, err := s.Authenticate(ctx, bad)
		require.ErrorIs(t, err, access.ErrUnauthorized, name)
	}
	_, err = s.Authenticate(ctx, token)
	require.NoError(t, err, "the real token still works")
}
