package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// miToken is a managed identity's token request (no address) issuing uti.
func miToken(t *testing.T, app, uti string, at time.Time) event.Event {
	t.Helper()
	return decodeEntra(t, fmt.Sprintf(`{"time":%q,"resourceId":"/tenants/t-acme/providers/Microsoft.aadiam","operationName":"Sign-in activity",
		"category":"ManagedIdentitySignInLogs","tenantId":"t-acme","resultType":"0","properties":{"id":"mi-%s","appId":%q,
		"uniqueTokenIdentifier":%q,"status":{"errorCode":0}}}`, at.Format(time.RFC3339Nano), uti, app, uti), at)
}

// graphCall is a request to Microsoft Graph with app's token uti from ip.
func graphCall(t *testing.T, app, uti string, at time.Time, ip string) event.Event {
	t.Helper()
	return decodeEntra(t, fmt.Sprintf(`{"time":%q,"resourceId":"/TENANTS/T-ACME/PROVIDERS/MICROSOFT.AADIAM","operationName":"Microsoft Graph Activity",
		"category":"MicrosoftGraphActivityLogs","properties":{"requestId":"g-%s-%d","requestMethod":"GET","responseStatusCode":200,
		"tenantId":"t-acme","signInActivityId":%q,"ipAddress":%q,"appId":%q,"requestUri":"https://graph.microsoft.com/v1.0/users"}}`,
		at.Format(time.RFC3339Nano), uti, at.Unix(), uti, ip, app), at)
}

// TestEntraManagedIdentityTokenReplayed: a managed identity's tokens used
// against Graph from its VM's network for ten days; then a fresh token used
// minutes after issue from a network the identity never used is
// minted_then_used_elsewhere (no AS database: networks by /16), whichever
// identity and whatever the delay within the window; from the VM's own
// network, or two hours later, it is not.
func TestEntraManagedIdentityTokenReplayed(t *testing.T) {
	for _, c := range []struct {
		name, app, ip string
		after         time.Duration
		fires         bool
	}{
		{"vm-a's token from a VPS", "mi-vm-a", "185.220.101.4", 2 * time.Minute, true},
		{"vm-b's token from another cloud", "mi-vm-b", "34.90.1.2", 20 * time.Minute, true},
		{"from the VM's network", "mi-vm-a", "20.61.14.77", 2 * time.Minute, false},
		{"two hours after issue", "mi-vm-b", "185.220.101.4", 2 * time.Hour, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for _, app := range []string{"mi-vm-a", "mi-vm-b"} {
				for h := 0; h < 240; h += 4 {
					at, uti := t0.Add(time.Duration(h)*time.Hour), fmt.Sprintf("%s-%d", app, h)
					evs = append(evs, miToken(t, app, uti, at), graphCall(t, app, uti, at.Add(time.Minute), "20.61.14.200"))
				}
			}
			at := t0.Add(241 * time.Hour)
			evs = append(evs, miToken(t, c.app, "fresh", at), graphCall(t, c.app, "fresh", at.Add(c.after), c.ip))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["minted_then_used_elsewhere"] != nil, "%v", got)
		})
	}
}
