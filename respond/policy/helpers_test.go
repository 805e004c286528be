package policy_test

import (
	"time"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/respond/policy"
)

// alert is a detection alert as detect.Engine builds it.
func alert(rule, severity, tier, tenant, credential string, facts map[string]any) *detect.Alert {
	t := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	return &detect.Alert{ID: "alr_" + rule, Revision: 1, Rule: rule, Title: rule, Severity: severity, Tier: tier,
		Tenant: tenant, Credential: credential, Actor: "usr_mallory", FirstSeen: t, LastSeen: t, Count: 1,
		EventIDs:    []string{"evt_1"},
		Explanation: detect.Explanation{Reason: "why " + rule, RuleFacts: facts}}
}

// inputFor is the policy input for an alert update, as the response stage
// builds it: the alert, its rule, the inventory's credential, the guardrails.
func inputFor(u detect.Update, cred policy.Credential) policy.Input {
	a := u.Alert
	return policy.Input{
		Alert: policy.Alert{ID: a.ID, Rule: a.Rule, Severity: a.Severity, Tier: a.Tier, Tenant: a.Tenant,
			Credential: a.Credential, Actor: a.Actor, Reason: a.Explanation.Reason, Count: a.Count,
			Update: u.Kind, Facts: a.Explanation.RuleFacts},
		Rule:       policy.Rule{ID: a.Rule, Title: a.Title, Severity: a.Severity, Tier: a.Tier},
		Credential: cred,
		AllowList:  policy.AllowList{Credentials: []string{"tok_ci_deploy"}, Tenants: []string{"platform-internal"}},
		Counts:     policy.Counts{Tenant: 0, Global: 3, TenantCap: 5, GlobalCap: 50, Window: "10m"},
	}
}

func token(id, kind, tenant string, scopes ...string) policy.Credential {
	return policy.Credential{ID: id, Kind: kind, Scopes: scopes, Tenant: tenant, Owner: "usr_mallory", Known: true}
}

func newAlert(a *detect.Alert) detect.Update { return detect.Update{Kind: detect.UpdateNew, Alert: a} }
