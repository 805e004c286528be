// Package access holds the credwatch console's users, their roles and their
// API tokens: who may do what, over which tenants, and how a token proves
// who its bearer is.
package access

import (
	"fmt"
	"slices"
	"strings"
)

// Role is what a console user may do.
type Role string

// The roles, least to most powerful.
const (
	Viewer       Role = "viewer"
	Analyst      Role = "analyst"
	Investigator Role = "investigator"
	Admin        Role = "admin"
)

// roles are every known role, in order.
var roles = []Role{Viewer, Analyst, Investigator, Admin}

// ParseRole returns the role named s (case-insensitive), or an error naming
// the roles there are.
func ParseRole(s string) (Role, error) {
	r := Role(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(roles, r) {
		return r, nil
	}
	return "", fmt.Errorf("unknown role %q (want viewer, analyst, investigator or admin)", s)
}

// Permission is one thing a user may be allowed to do.
type Permission int

// The permissions.
const (
	// ReadAlerts: see alerts (every role).
	ReadAlerts Permission = iota
	// Triage: acknowledge, assign and close alerts (analyst, admin).
	Triage
	// Investigate: query event history (investigator, admin).
	Investigate
	// Administer: manage users and settings (admin only).
	Administer
)

// grants are the roles holding each permission.
var grants = map[Permission][]Role{
	ReadAlerts:  {Viewer, Analyst, Investigator, Admin},
	Triage:      {Analyst, Admin},
	Investigate: {Investigator, Admin},
	Administer:  {Admin},
}

// User is a console user as it stands now.
type User struct {
	Name    string
	Role    Role
	Tenants []string // empty: every tenant
}

// May reports whether u's role grants p. Unknown roles and permissions grant
// nothing.
func (u User) May(p Permission) bool {
	return slices.Contains(grants[p], u.Role)
}

// SeesTenant reports whether u may see tenant's data: true when u is not
// scoped or tenant is one of u's tenants.
func (u User) SeesTenant(tenant string) bool {
	return len(u.Tenants) == 0 || slices.Contains(u.Tenants, tenant)
}

// TenantScope is nil when u sees every tenant, else a copy of u's tenants
// (for SQL filters such as "tenant IN ?").
func (u User) TenantScope() []string {
	if len(u.Tenants) == 0 {
		return nil
	}
	return slices.Clone(u.Tenants)
}
