package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestDuplicateThenProbeIgnoresTenantCase: vendors spell one tenant "Acme"
// in one field and "acme" in another. A Space duplicated under one spelling
// arms a probe of the tenant under another, and an actor who is a member
// under any spelling is a member.
func TestDuplicateThenProbeIgnoresTenantCase(t *testing.T) {
	for i, c := range []struct {
		dupTenant, probeTenant string
		actorTenants           []string
		alerts                 bool
	}{
		{"Victim", "victim", []string{"evil"}, true},
		{"victim", "VICTIM", []string{"evil"}, true},
		{"Globex-Labs", "globex-labs", nil, true},
		{"victim", "victim", []string{"VICTIM"}, false},
		{"Acme", "acme", []string{"evil", "aCmE"}, false},
		{"Globex-Labs", "GLOBEX-LABS", []string{"globex-labs"}, false},
		{"victim", "victim2", []string{"evil"}, false}, // another tenant: the duplicate does not arm
	} {
		t.Run(fmt.Sprintf("%d-%s-%s", i, c.dupTenant, c.probeTenant), func(t *testing.T) {
			evs := duplicateThenProbe("success", c.dupTenant, c.probeTenant, c.actorTenants)
			evs[0].Time, evs[1].Time = evs[0].Time.Add(time.Duration(i)*time.Hour), evs[1].Time.Add(time.Duration(i)*time.Hour)
			if i%2 == 1 {
				evs[1].Action, evs[1].Outcome, evs[1].Source.ASN = "secret.list", "success", 9009
			}
			a := rulesOf(run(t, newEngine(t), evs))["space_duplicate_probe"]
			if !c.alerts {
				require.Nil(t, a)
				return
			}
			require.NotNil(t, a, "the duplicate of %s did not arm the probe of %s", c.dupTenant, c.probeTenant)
			require.Equal(t, "actor:mallory", a.Credential)
			require.Equal(t, "dup", a.Explanation.Baseline.Sequence.Duplicated.EventID)
			require.Equal(t, []string{"probe"}, a.EventIDs)
		})
	}
}

// duplicateThenProbe is mallory (of actorTenants) duplicating a Space of
// dupTenant, with outcome, then reading a secret of probeTenant 6 minutes
// later.
func duplicateThenProbe(outcome, dupTenant, probeTenant string, actorTenants []string) []event.Event {
	mallory := event.Actor{ID: "mallory", Type: "user", Tenants: actorTenants}
	dup := event.Event{ID: "dup", Time: t0.Add(time.Hour), Action: "space.duplicate", Outcome: outcome, Tenant: dupTenant,
		Actor: mallory, Resource: event.Resource{Type: "space", ID: dupTenant + "/chat", Visibility: "public"},
		Source: event.Source{ASN: 14061, Country: "NL"}}
	probe := event.Event{ID: "probe", Time: dup.Time.Add(6 * time.Minute), Action: "secret.read", Outcome: "denied",
		Tenant: probeTenant, Actor: mallory, Secret: event.Secret{ID: "s1", Tenant: probeTenant, Workload: "space:" + probeTenant + "/chat"},
		Source: event.Source{ASN: 14061, Country: "NL"}}
	return []event.Event{dup, probe}
}
