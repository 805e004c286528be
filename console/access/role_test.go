package access

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseRole(t *testing.T) {
	for _, r := range []Role{Viewer, Analyst, Investigator, Admin} {
		got, err := ParseRole(string(r))
		require.NoError(t, err)
		require.Equal(t, r, got)
	}
	got, err := ParseRole(" Admin ")
	require.NoError(t, err)
	require.Equal(t, Admin, got)
	for _, bad := range []string{"", "root", "admins", "view er"} {
		_, err := ParseRole(bad)
		require.Error(t, err, bad)
	}
}

func TestRolePermissionMatrix(t *testing.T) {
	perms := []Permission{ReadAlerts, Triage, Investigate, Administer}
	want := map[Role][]bool{ // in perms order
		Viewer:       {true, false, false, false},
		Analyst:      {true, true, false, false},
		Investigator: {true, false, true, false},
		Admin:        {true, true, true, true},
		Role("root"): {false, false, false, false},
		Role(""):     {false, false, false, false},
	}
	for role, allowed := range want {
		for i, p := range perms {
			require.Equal(t, allowed[i], User{Name: "u", Role: role}.May(p), "role %q permission %d", role, p)
		}
		require.False(t, User{Role: role}.May(Permission(99)), "unknown permission")
	}
}

func TestTenants(t *testing.T) {
	all := User{Name: "a", Role: Viewer}
	require.True(t, all.SeesTenant("acme"))
	require.True(t, all.SeesTenant(""))
	require.Nil(t, all.TenantScope())
	require.Nil(t, User{Tenants: []string{}}.TenantScope(), "empty is every tenant")

	scoped := User{Name: "b", Role: Analyst, Tenants: []string{"acme", "globex"}}
	require.True(t, scoped.SeesTenant("acme"))
	require.True(t, scoped.SeesTenant("globex"))
	require.False(t, scoped.SeesTenant("initech"))
	require.False(t, scoped.SeesTenant(""))
	scope := scoped.TenantScope()
	require.Equal(t, []string{"acme", "globex"}, scope)
	scope[0] = "changed"
	require.Equal(t, "acme", scoped.Tenants[0], "TenantScope returns a copy")
}
