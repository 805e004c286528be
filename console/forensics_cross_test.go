package console

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestCrossAccess: which tenants' credentials touched which tenants'
// resources; a scoped user sees a pair only when both tenants are in its
// scope, and never the name of another.
func TestCrossAccess(t *testing.T) {
	x := newForensicRig(t)
	var all CrossAccess
	x.getJSON(t, "tok-admin", "/api/v1/tenants/cross-access", &all)
	require.Len(t, all.Pairs, 2)
	p := all.Pairs[0]
	require.Equal(t, []string{"acme", "globex"}, []string{p.CredentialTenant, p.ResourceTenant})
	require.Equal(t, []uint64{2, 0, 2, 1, 1}, []uint64{p.Events, p.Failures, p.Private, p.Actors, p.CredentialCount})
	require.Equal(t, []string{"tok_acme"}, p.Credentials)
	require.Equal(t, []time.Time{now.Add(-3 * time.Hour), now.Add(-2 * time.Hour)}, []time.Time{p.FirstSeen, p.LastSeen})
	require.Equal(t, []string{"globex", "initech"}, []string{all.Pairs[1].CredentialTenant, all.Pairs[1].ResourceTenant})

	x.getJSON(t, "tok-admin", "/api/v1/tenants/cross-access?tenant=initech", &all)
	require.Len(t, all.Pairs, 1)
	require.Equal(t, "globex", all.Pairs[0].CredentialTenant)
	x.getJSON(t, "tok-admin", "/api/v1/tenants/cross-access?from="+rfc(now.Add(-150*time.Minute))+"&to="+rfc(now), &all)
	require.Equal(t, uint64(1), all.Pairs[0].Events, "the range bounds the counts")

	var two CrossAccess
	x.getJSON(t, "tok-two", "/api/v1/tenants/cross-access", &two)
	require.Len(t, two.Pairs, 1)
	require.Equal(t, "globex", two.Pairs[0].ResourceTenant)
	for _, token := range []string{"tok-globex-investigator", "tok-acme-investigator", "tok-initech-investigator"} {
		for _, q := range []string{"", "?tenant=acme", "?tenant=globex", "?tenant=initech", "?limit=1000"} {
			code, body := x.get(t, token, "/api/v1/tenants/cross-access"+q)
			require.Equal(t, http.StatusOK, code)
			require.Contains(t, string(body), `"pairs":[]`, "%s %s: one side is always out of scope", token, q)
		}
	}
	x.requireBadParam(t, "tok-admin", "/api/v1/tenants/cross-access?limit=0", "limit")
	x.requireBadParam(t, "tok-admin", "/api/v1/tenants/cross-access?pair=acme", "pair")
}
