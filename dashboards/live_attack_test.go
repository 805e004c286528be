package dashboards_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/allinone"
	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/suppressions"
	"github.com/credwatch/credwatch/store"
)

// runSeed is the run's generator seed: attack i plays with seed runSeed+i+1.
const runSeed = 7

// The run's attacks in turn (allinone's demoAttacks): the first is revoked,
// the second's rule is suppressed.
const (
	attackScenario = "leaked_token_used"
	suppressedRule = "workload_token_off_platform"
)

// attack is what the first attack's episode says of itself: the leaked
// token, the network and client it was used from, its events.
type attack struct {
	credential, asOrg, country, userAgent string
	asn                                   uint32
	eventIDs, tenants                     []string
}

// firstAttack is the plan of the first attack, as the run played it at
// at (the plan depends on when it is made).
func firstAttack(t *testing.T, at time.Time) attack {
	ep, err := allinone.PlanAttack(attackScenario, runSeed+1, at)
	require.NoError(t, err)
	last := ep.Events[len(ep.Events)-1]
	a := attack{credential: last.Token.ID, asn: last.Source.ASN, asOrg: last.Source.ASOrg, country: last.Source.Country,
		userAgent: last.Source.UserAgent, eventIDs: ep.AttackIDs}
	for _, ev := range ep.Events {
		a.tenants = append(a.tenants, ev.Tenant)
	}
	require.NotEmpty(t, a.credential)
	return a
}

// suppressSecondAttack suppresses, from the console's table, the rule the
// second attack sets off, as an analyst would.
func suppressSecondAttack(t *testing.T, st *store.Store, now time.Time) {
	require.NoError(t, suppressions.NewStore(st).Add(context.Background(), suppressions.Record{
		Suppression: detect.Suppression{ID: "sup_dashboards", Rule: suppressedRule, Owner: "soc-team",
			Reason: "known off-platform build farm", Expires: now.Add(time.Hour)},
		CreatedBy: "dashboards-test", Created: now}))
}

// suppressedAlerts counts the suppressed alerts stored so far.
func suppressedAlerts(t *testing.T, st *store.Store) uint64 {
	var n uint64
	require.NoError(t, st.Conn().QueryRow(context.Background(),
		"SELECT count() FROM alerts_latest WHERE suppressed = 1").Scan(&n))
	return n
}
