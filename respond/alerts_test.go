package respond

import (
	"fmt"
	"testing"
	"time"

	"github.com/segmentio/kafka-go"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/alertsink"
	"github.com/credwatch/credwatch/detect"
)

// Rules the tests raise, with the severity and tier of their # METADATA.
const (
	ruleLeaked      = "leaked_token_used"           // critical, revoke: auto
	ruleOffPlatform = "workload_token_off_platform" // critical, revoke: auto
	ruleEnumeration = "enumeration"                 // high, revoke: approve
	ruleDormant     = "dormant_token_use"           // medium, notify: notify
)

var ruleMeta = map[string]struct{ severity, tier string }{
	ruleLeaked: {"critical", "revoke"}, ruleOffPlatform: {"critical", "revoke"},
	ruleEnumeration: {"high", "revoke"}, ruleDormant: {"medium", "notify"},
}

// Credential kinds: a token kind, or a secret.
const (
	kindToken  = "fine_grained"
	kindSecret = "secret"
)

// alertOf is revision 1 of rule's alert on credential cred of tenant, as
// the detection stage builds it.
func alertOf(rule, tenant, cred, kind string) *detect.Alert {
	m := ruleMeta[rule]
	held := detect.Held{Kind: kind, Scopes: []string{"repo.content.read"}, Tenant: tenant, Owner: "alice"}
	if kind == kindSecret {
		held = detect.Held{Kind: kindSecret, Tenant: tenant, Workload: "space/" + tenant + "/chat"}
	}
	return &detect.Alert{ID: fmt.Sprintf("alr_%s_%s_%s", rule, tenant, cred), Revision: 1, Rule: rule,
		Title: rule, Severity: m.severity, Tier: m.tier, Tenant: tenant, Credential: cred, Actor: "mallory",
		Held: held, FirstSeen: t0, LastSeen: t0, Count: 1, EventIDs: []string{cred + "-e1"},
		Explanation: detect.Explanation{Reason: rule + " on " + cred, Description: rule,
			RuleFacts: map[string]any{"credential_tenant": tenant}}}
}

// escalated is a's next revision, raised to severity.
func escalated(a *detect.Alert, severity string) *detect.Alert {
	b := a.Snapshot()
	b.Revision++
	b.Count++
	b.Severity = severity
	b.LastSeen = b.LastSeen.Add(time.Minute)
	b.EventIDs = append(b.EventIDs, fmt.Sprintf("%s-e%d", a.Credential, b.Count))
	return b
}

// message is a published as the detection stage publishes it: its OCSF
// finding, keyed by alert id, with the update kind in a header.
func message(t *testing.T, a *detect.Alert, update string) kafka.Message {
	t.Helper()
	value, err := alertsink.OCSF(a)
	require.NoError(t, err)
	return alertsink.Message(alertsink.DefaultTopic, detect.Update{Kind: update, Alert: a}, value)
}

// newAlert is the message of a new alert of rule on cred.
func newAlert(t *testing.T, rule, tenant, cred, kind string) kafka.Message {
	return message(t, alertOf(rule, tenant, cred, kind), detect.UpdateNew)
}
