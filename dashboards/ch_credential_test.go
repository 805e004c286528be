package dashboards_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// credentialOfAttack is what the investigation of the leaked token must
// show: every attack event, the attacker's network and client, the tenants
// touched, the alert explained and the revocation delivered.
func credentialOfAttack(r *liveRun) map[string]func(*testing.T, result) {
	a := r.attack
	return map[string]func(*testing.T, result){
		"Summary": func(t *testing.T, res result) {
			require.GreaterOrEqual(t, num(res.rows[0], "uses"), float64(len(a.eventIDs)))
			require.GreaterOrEqual(t, num(res.rows[0], "networks"), 2.0, "the owner's and the attacker's")
		},
		"Uses by outcome": func(t *testing.T, res result) { res.needs(t, "uses") },
		"Uses by network": func(t *testing.T, res result) {
			require.NotEmpty(t, res.where("network", fmt.Sprintf("AS%d %s", a.asn, a.country)))
		},
		"Every use": func(t *testing.T, res result) { hasAll(t, res.column("id"), a.eventIDs, "attack events") },
		"Networks": func(t *testing.T, res result) {
			rows := res.where("asn", fmt.Sprint(a.asn))
			require.Len(t, rows, 1, "the attacker's network")
			require.Equal(t, a.asOrg, str(rows[0], "as_org"))
			require.Equal(t, a.country, str(rows[0], "country"))
		},
		"Clients":               func(t *testing.T, res result) { require.NotEmpty(t, res.where("user_agent", a.userAgent)) },
		"Tenants and resources": func(t *testing.T, res result) { hasAll(t, res.column("tenant"), a.tenants, "tenants") },
		"Alerts": func(t *testing.T, res result) {
			rows := res.where("rule", attackScenario)
			require.NotEmpty(t, rows)
			require.NotEmpty(t, str(rows[0], "reason"))
			require.Contains(t, str(rows[0], "description"), "leaked")
			require.Contains(t, str(rows[0], "facts"), fmt.Sprint(a.asn))
		},
		"Response": func(t *testing.T, res result) {
			var delivered bool
			for _, row := range res.where("action", "revoke") {
				delivered = delivered || str(row, "state") == "delivered"
			}
			require.True(t, delivered, "the revocation's delivered transition")
		},
	}
}

// credentialOfSecret is what the investigation of a secret must show.
func credentialOfSecret() map[string]func(*testing.T, result) {
	needs := func(t *testing.T, res result) { res.needs(t, "the secret's reads") }
	return map[string]func(*testing.T, result){
		"Summary":   func(t *testing.T, res result) { require.GreaterOrEqual(t, num(res.rows[0], "uses"), 1.0) },
		"Every use": needs, "Networks": needs, "Clients": needs, "Tenants and resources": needs, "Uses by outcome": needs,
	}
}
