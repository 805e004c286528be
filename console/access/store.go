package access

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/credwatch/credwatch/store"
)

// ErrUnauthorized is a token that is malformed, unknown, wrong, replaced or
// of a disabled user. It says nothing more, on purpose.
var ErrUnauthorized = errors.New("access: unauthorized: bad, unknown or disabled token")

// maxHashing bounds concurrent argon2 verifications (64 MiB each), so a
// flood of wrong secrets cannot exhaust memory.
const maxHashing = 4

// Store keeps console users in ClickHouse's console_users table: every
// change appends a row, and the newest row (by at) per name is the user.
type Store struct {
	st      *store.Store
	now     func() time.Time
	log     *slog.Logger
	cache   verified
	hashing chan struct{}
}

// NewStore keeps users in st; now is the clock for row times and the cache.
func NewStore(st *store.Store, now func() time.Time) *Store {
	return &Store{st: st, now: now, log: slog.Default(), hashing: make(chan struct{}, maxHashing)}
}

// Add creates (or replaces) user name and returns its API token, shown
// once: only its id and an argon2id hash of its secret are kept. Replacing
// a user invalidates its previous token. Viewers, analysts and
// investigators may be scoped to tenants (none: every tenant); an admin may
// not be scoped.
func (s *Store) Add(ctx context.Context, name string, role Role, tenants []string) (token string, err error) {
	if err := validate(name, role, tenants); err != nil {
		return "", err
	}
	token, id, secret, err := newToken()
	if err != nil {
		return "", fmt.Errorf("add user %q: %w", name, err)
	}
	hash, err := hashSecret(secret)
	if err != nil {
		return "", fmt.Errorf("add user %q: %w", name, err)
	}
	at, err := s.nextAt(ctx, name)
	if err != nil {
		return "", fmt.Errorf("add user %q: %w", name, err)
	}
	r := row{name: name, role: role, tenants: tenants, tokenID: id, tokenHash: hash, created: at, at: at}
	if err := s.insert(ctx, r); err != nil {
		return "", fmt.Errorf("add user %q: %w", name, err)
	}
	s.cache.forget(name)
	s.log.Info("console user added", "name", name, "role", role, "tenants", tenants, "token_id", id)
	return token, nil
}

// Disable stops user name's token from authenticating. Disabling a disabled
// user does nothing; an unknown user is an error.
func (s *Store) Disable(ctx context.Context, name string) error {
	rows, err := s.current(ctx, "name = ?", name)
	if err != nil {
		return fmt.Errorf("disable user %q: %w", name, err)
	}
	if len(rows) == 0 {
		return fmt.Errorf("disable user %q: no such user", name)
	}
	r := rows[0]
	if r.disabled {
		return nil
	}
	at, err := s.nextAt(ctx, name)
	if err != nil {
		return fmt.Errorf("disable user %q: %w", name, err)
	}
	r.tokenID, r.tokenHash, r.disabled, r.at = "", "", true, at
	if err := s.insert(ctx, r); err != nil {
		return fmt.Errorf("disable user %q: %w", name, err)
	}
	s.cache.forget(name)
	s.log.Info("console user disabled", "name", name)
	return nil
}

// List returns the users who may sign in (disabled users are left out),
// by name.
func (s *Store) List(ctx context.Context) ([]User, error) {
	rows, err := s.current(ctx, "")
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	var users []User
	for _, r := range rows {
		if !r.disabled {
			users = append(users, r.user())
		}
	}
	return users, nil
}
