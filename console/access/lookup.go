package access

import (
	"context"
	"fmt"
)

// User returns user name as it stands now, or ErrUnauthorized when there is
// no such user or it is disabled: a browser session started by a token or a
// login link is confirmed with it, and a login link is minted for it.
func (s *Store) User(ctx context.Context, name string) (User, error) {
	rows, err := s.current(ctx, "name = ?", name)
	if err != nil {
		return User{}, fmt.Errorf("look up user %q: %w", name, err)
	}
	if len(rows) == 0 || rows[0].disabled {
		return User{}, ErrUnauthorized
	}
	return rows[0].user(), nil
}
