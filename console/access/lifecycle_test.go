package access_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/store"
)

func testDisable(t *testing.T, s, other *access.Store, clk *clock) {
	ctx := context.Background()
	token, err := s.Add(ctx, "carol", access.Investigator, []string{"acme"})
	require.NoError(t, err)
	_, err = other.Authenticate(ctx, token)
	require.NoError(t, err)
	require.NoError(t, s.Disable(ctx, "carol")) // within the same second as Add
	require.NoError(t, s.Disable(ctx, "carol"), "disabling twice is fine")
	_, err = s.Authenticate(ctx, token)
	require.ErrorIs(t, err, access.ErrUnauthorized)

	// Another process's cache trusts the token for at most a minute.
	_, err = other.Authenticate(ctx, token)
	require.NoError(t, err, "cached in the other store")
	clk.advance(61 * time.Second)
	_, err = other.Authenticate(ctx, token)
	require.ErrorIs(t, err, access.ErrUnauthorized, "cache expired")

	require.ErrorContains(t, s.Disable(ctx, "nobody"), "no such user")
}

func testReAdd(t *testing.T, s, other *access.Store) {
	ctx := context.Background()
	old, err := s.Add(ctx, "dave", access.Viewer, nil)
	require.NoError(t, err)
	_, err = s.Authenticate(ctx, old)
	require.NoError(t, err)
	fresh, err := s.Add(ctx, "dave", access.Analyst, []string{"globex"})
	require.NoError(t, err)
	for _, st := range []*access.Store{s, other} {
		_, err = st.Authenticate(ctx, old)
		require.ErrorIs(t, err, access.ErrUnauthorized, "the old token is replaced")
		u, err := st.Authenticate(ctx, fresh)
		require.NoError(t, err)
		require.Equal(t, access.User{Name: "dave", Role: access.Analyst, Tenants: []string{"globex"}}, u)
	}
	// Re-adding a disabled user enables it again with a new token.
	require.NoError(t, s.Disable(ctx, "dave"))
	back, err := s.Add(ctx, "dave", access.Viewer, nil)
	require.NoError(t, err)
	_, err = s.Authenticate(ctx, back)
	require.NoError(t, err)
	_, err = s.Authenticate(ctx, fresh)
	require.ErrorIs(t, err, access.ErrUnauthorized)
}

func testValidation(t *testing.T, s *access.Store) {
	ctx := context.Background()
	for name, add := range map[string]func() error{
		"scoped admin":  func() error { _, err := s.Add(ctx, "eve", access.Admin, []string{"acme"}); return err },
		"unknown role":  func() error { _, err := s.Add(ctx, "eve", access.Role("root"), nil); return err },
		"empty name":    func() error { _, err := s.Add(ctx, "", access.Viewer, nil); return err },
		"long name":     func() error { _, err := s.Add(ctx, strings.Repeat("a", 65), access.Viewer, nil); return err },
		"space in name": func() error { _, err := s.Add(ctx, "e ve", access.Viewer, nil); return err },
		"quote in name": func() error { _, err := s.Add(ctx, "e've", access.Viewer, nil); return err },
		"empty tenant":  func() error { _, err := s.Add(ctx, "eve", access.Analyst, []string{"acme", ""}); return err },
	} {
		require.Error(t, add(), name)
	}
	_, err := s.Add(ctx, strings.Repeat("a", 64), access.Viewer, nil)
	require.NoError(t, err, "64 characters is the limit")
}

// testNoRawToken reads every column of every console_users row and looks
// for the token and its secret.
func testNoRawToken(t *testing.T, s *access.Store, st *store.Store) {
	ctx := context.Background()
	token, err := s.Add(ctx, "frank", access.Analyst, []string{"acme"})
	require.NoError(t, err)
	secret := token[len("cwk_")+13:]
	rows, err := st.Conn().Query(ctx, "SELECT * FROM console_users")
	require.NoError(t, err)
	defer rows.Close()
	types := rows.ColumnTypes()
	require.Len(t, types, 8, "every column of console_users")
	n := 0
	for rows.Next() {
		vals := make([]any, len(types))
		for i, ct := range types {
			vals[i] = reflect.New(ct.ScanType()).Interface()
		}
		require.NoError(t, rows.Scan(vals...))
		for i, v := range vals {
			text := fmt.Sprint(reflect.ValueOf(v).Elem().Interface())
			require.NotContains(t, text, token, "column %s", types[i].Name())
			require.NotContains(t, text, secret, "column %s", types[i].Name())
		}
		n++
	}
	require.NoError(t, rows.Err())
	require.Positive(t, n)
}

func testList(t *testing.T, s *access.Store) {
	users, err := s.List(context.Background())
	require.NoError(t, err)
	byName := map[string]access.User{}
	for _, u := range users {
		byName[u.Name] = u
	}
	require.Equal(t, access.User{Name: "alice@example.com", Role: access.Analyst, Tenants: []string{"acme", "globex"}}, byName["alice@example.com"])
	require.Equal(t, access.Viewer, byName["dave"].Role, "the newest row wins")
	require.Empty(t, byName["root"].Tenants)
	require.NotContains(t, byName, "carol", "disabled users are not listed")
	for i := 1; i < len(users); i++ {
		require.Less(t, users[i-1].Name, users[i].Name, "sorted by name")
	}
}
