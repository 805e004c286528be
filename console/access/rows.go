package access

import (
	"context"
	"fmt"
	"time"

	"github.com/credwatch/credwatch/store"
)

// row is one console_users row: a user as of at.
type row struct {
	name      string
	role      Role
	tenants   []string
	tokenID   string
	tokenHash string
	disabled  bool
	created   time.Time
	at        time.Time
}

// user is r without its token.
func (r row) user() User {
	return User{Name: r.name, Role: r.role, Tenants: r.tenants}
}

// currentUsers is each user's newest row; %s is an optional WHERE.
const currentUsers = `SELECT name, argMax(role, at), argMax(tenants, at), argMax(token_id, at),
	argMax(token_hash, at), argMax(disabled, at), argMax(created, at), max(at)
FROM console_users %s GROUP BY name ORDER BY name`

// current returns the newest row of every user matching where (bound to
// args; empty: every user).
func (s *Store) current(ctx context.Context, where string, args ...any) ([]row, error) {
	if where != "" {
		where = "WHERE " + where
	}
	rows, err := s.st.Conn().Query(ctx, fmt.Sprintf(currentUsers, where), args...)
	if err != nil {
		return nil, fmt.Errorf("query console_users: %w", err)
	}
	defer rows.Close()
	var out []row
	for rows.Next() {
		var r row
		var role string
		var disabled uint8
		if err := rows.Scan(&r.name, &role, &r.tenants, &r.tokenID, &r.tokenHash, &disabled, &r.created, &r.at); err != nil {
			return nil, fmt.Errorf("scan console_users: %w", err)
		}
		r.role, r.disabled = Role(role), disabled == 1
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read console_users: %w", err)
	}
	return out, nil
}

// nextAt is the time for a new row of user name: now in whole seconds, but
// always after the user's newest row, so that "newest row wins" never ties
// (at is a DateTime, and a disable may follow an add within a second).
func (s *Store) nextAt(ctx context.Context, name string) (time.Time, error) {
	at := s.now().UTC().Truncate(time.Second)
	var last time.Time
	if err := s.st.Conn().QueryRow(ctx, "SELECT max(at) FROM console_users WHERE name = ?", name).Scan(&last); err != nil {
		return time.Time{}, fmt.Errorf("newest row time: %w", err)
	}
	if !at.After(last) {
		at = last.UTC().Add(time.Second)
	}
	return at, nil
}

// insert appends r to console_users.
func (s *Store) insert(ctx context.Context, r row) error {
	var disabled uint8
	if r.disabled {
		disabled = 1
	}
	tenants := r.tenants
	if tenants == nil {
		tenants = []string{}
	}
	return s.st.InsertRows(ctx, store.Rows{Table: "console_users",
		Columns: []string{"name", "role", "tenants", "token_id", "token_hash", "disabled", "created", "at"},
		Values:  [][]any{{r.name, string(r.role), tenants, r.tokenID, r.tokenHash, disabled, r.created, r.at}}})
}
