package access_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// testUserByName: a user as it stands now by name; a disabled or unknown
// one is ErrUnauthorized.
func testUserByName(t *testing.T, s *access.Store) {
	ctx := context.Background()
	u, err := s.User(ctx, "dave")
	require.NoError(t, err)
	require.Equal(t, []any{"dave", access.Viewer, 0}, []any{u.Name, u.Role, len(u.Tenants)}, "the newest row wins")
	u, err = s.User(ctx, "alice@example.com")
	require.NoError(t, err)
	require.Equal(t, []string{"acme", "globex"}, u.Tenants)
	for _, name := range []string{"carol", "nobody", "", "dave' OR '1'='1"} {
		_, err = s.User(ctx, name)
		require.ErrorIs(t, err, access.ErrUnauthorized, name)
	}
}
