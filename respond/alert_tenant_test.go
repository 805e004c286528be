package respond

import (
	"testing"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
)

// crossTenant is rule's new alert, kept under tenant, on cred of credTenant.
func crossTenant(t *testing.T, rule, tenant, credTenant, cred, kind string) kafka.Message {
	a := alertOf(rule, tenant, cred, kind)
	a.Held.Tenant = credTenant
	return message(t, a, detect.UpdateNew)
}

// TestIntentNamesTheAlertsTenant: an intent is kept under its credential's
// tenant and names the tenant its alert is kept under, through every
// transition, for a credential used in another tenant (a token, a secret),
// in its own tenant, and when a second tenant's alert on the same credential
// arrives first or second (the first alert's tenant is the one named).
func TestIntentNamesTheAlertsTenant(t *testing.T) {
	e := newEnv(t)
	x := e.responder(t, Guardrails{}, nil)
	x.handle(t,
		crossTenant(t, ruleLeaked, "globex", "acme", "tok_a", kindToken),
		crossTenant(t, ruleOffPlatform, "initech", "acme", "tok_a", kindToken),
		crossTenant(t, ruleOffPlatform, "acme", "globex", "sec_g", kindSecret),
		crossTenant(t, ruleLeaked, "globex", "globex", "tok_g", kindToken),
		crossTenant(t, ruleOffPlatform, "initech", "umbrella", "tok_u", kindToken),
		crossTenant(t, ruleLeaked, "umbrella", "umbrella", "tok_u", kindToken))
	e.waitStates(t, map[string]int{StateDelivered: 4})

	type where struct{ tenant, alertTenant, alertID string }
	got := map[string]where{}
	for _, in := range e.intents(t, Filter{}) {
		got[in.Credential] = where{in.Tenant, in.AlertTenant, in.AlertID}
	}
	require.Equal(t, map[string]where{
		"tok_a": {"acme", "globex", "alr_" + ruleLeaked + "_globex_tok_a"},
		"sec_g": {"globex", "acme", "alr_" + ruleOffPlatform + "_acme_sec_g"},
		"tok_g": {"globex", "globex", "alr_" + ruleLeaked + "_globex_tok_g"},
		"tok_u": {"umbrella", "initech", "alr_" + ruleOffPlatform + "_initech_tok_u"},
	}, got)
}
