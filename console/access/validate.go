package access

import (
	"fmt"
	"regexp"
	"slices"
)

// namePattern is what a user name may be.
var namePattern = regexp.MustCompile(`^[A-Za-z0-9._@-]{1,64}$`)

// validate checks a user's name, role and tenants.
func validate(name string, role Role, tenants []string) error {
	if !namePattern.MatchString(name) {
		return fmt.Errorf("user name %q: want 1-64 characters of A-Z a-z 0-9 . _ @ -", name)
	}
	if !slices.Contains(roles, role) {
		return fmt.Errorf("user %q: unknown role %q", name, role)
	}
	if role == Admin && len(tenants) > 0 {
		return fmt.Errorf("user %q: an admin sees every tenant and cannot be scoped to %v", name, tenants)
	}
	for i, t := range tenants {
		if t == "" {
			return fmt.Errorf("user %q: tenant %d is empty", name, i)
		}
	}
	return nil
}
