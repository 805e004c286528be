package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// entraAppSignIn is app's sign-in with client secret key from ip in AS asn.
func entraAppSignIn(t *testing.T, id, app, key string, at time.Time, ip string, asn int) event.Event {
	t.Helper()
	msg := fmt.Sprintf(`{"time":%q,"resourceId":"/tenants/t-acme/providers/Microsoft.aadiam","operationName":"Sign-in activity",
		"category":"ServicePrincipalSignInLogs","tenantId":"t-acme","resultType":"0","properties":{"id":%q,"appId":%q,
		"ipAddress":%q,"autonomousSystemNumber":%d,"servicePrincipalCredentialKeyId":%q,"clientCredentialType":"clientSecret",
		"homeTenantId":"t-acme","resourceTenantId":"t-acme","status":{"errorCode":0}}}`, at.Format(time.RFC3339Nano), id, app, ip, asn, key)
	return decodeEntra(t, msg, at)
}

// TestEntraAppSecretFromANewNetwork: an application's client secret that
// signed in from Azure (AS 8075) for ten days and then from a network
// neither it nor the app used is first_seen_asn; from Azure again, or by
// another key of the same app from its usual network, it is not.
func TestEntraAppSecretFromANewNetwork(t *testing.T) {
	for _, c := range []struct {
		name, app, key, ip string
		asn                int
		fires              bool
	}{
		{"deploy-bot's secret from a VPS", "deploy-bot", "key-1", "185.220.101.4", 205100, true},
		{"etl-app's secret from a home ISP", "etl-app", "key-1", "73.12.40.9", 7922, true},
		{"from Azure again", "deploy-bot", "key-1", "20.61.14.201", 8075, false},
		{"a new key from Azure", "etl-app", "key-2", "20.61.14.202", 8075, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for _, app := range []string{"deploy-bot", "etl-app"} {
				for h := 0; h < 240; h += 4 {
					evs = append(evs, entraAppSignIn(t, fmt.Sprintf("%s-%d", app, h), app, "key-1", t0.Add(time.Duration(h)*time.Hour), "20.61.14.200", 8075))
				}
			}
			evs = append(evs, entraAppSignIn(t, "x", c.app, c.key, t0.Add(241*time.Hour), c.ip, c.asn))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["first_seen_asn"] != nil, "%v", got)
		})
	}
}
