package access

import (
	"context"
	"fmt"
)

// Authenticate returns the user token belongs to, or ErrUnauthorized when
// the token is malformed, unknown, wrong, replaced by a newer one or of a
// disabled user. Any other error means the store could not be read (the
// caller should answer "unavailable", not "unauthorized"). A verified token
// is trusted for up to a minute without a new lookup; Add and Disable on
// this Store take effect at once, elsewhere within that minute.
func (s *Store) Authenticate(ctx context.Context, token string) (User, error) {
	id, secret, ok := parseToken(token)
	if !ok {
		return User{}, ErrUnauthorized
	}
	if u, ok := s.cache.get(token, s.now()); ok {
		return u, nil
	}
	rows, err := s.current(ctx, "name IN (SELECT name FROM console_users WHERE token_id = ?)", id)
	if err != nil {
		return User{}, fmt.Errorf("authenticate: %w", err)
	}
	for _, r := range rows {
		// The token must be the user's newest and the user enabled.
		if r.disabled || r.tokenID != id {
			continue
		}
		match, err := s.verify(ctx, r, secret)
		if err != nil {
			return User{}, err
		}
		if match {
			u := r.user()
			s.cache.put(token, u, s.now())
			return u, nil
		}
	}
	return User{}, ErrUnauthorized
}

// verify checks secret against r's hash, at most maxHashing at a time. A
// corrupt stored hash is logged (without token material) and refuses.
func (s *Store) verify(ctx context.Context, r row, secret []byte) (bool, error) {
	select {
	case s.hashing <- struct{}{}:
	case <-ctx.Done():
		return false, fmt.Errorf("authenticate: %w", ctx.Err())
	}
	defer func() { <-s.hashing }()
	ok, err := verifySecret(r.tokenHash, secret)
	if err != nil {
		s.log.Warn("console user has an unusable token hash", "name", r.name, "token_id", r.tokenID, "err", err)
		return false, nil
	}
	return ok, nil
}
