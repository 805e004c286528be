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

// entraKeyAdded is a directory audit of by adding client secret key to
// app's service principal from ip.
func entraKeyAdded(t *testing.T, by, app, key string, at time.Time, ip string) event.Event {
	t.Helper()
	desc := fmt.Sprintf(`[\"[KeyIdentifier=%s,KeyType=Password,KeyUsage=Verify,DisplayName=]\"]`, key)
	msg := fmt.Sprintf(`{"time":%q,"resourceId":"/tenants/t-acme/providers/Microsoft.aadiam","operationName":"Add service principal credentials",
		"category":"AuditLogs","tenantId":"t-acme","properties":{"id":"audit-%s","result":"success",
		"initiatedBy":{"user":{"userPrincipalName":%q,"ipAddress":%q}},"targetResources":[{"id":"sp-%s","type":"ServicePrincipal",
		"modifiedProperties":[{"displayName":"KeyDescription","oldValue":"[]","newValue":"%s"}]}],
		"additionalDetails":[{"key":"AppId","value":%q}]}}`, at.Format(time.RFC3339Nano), key, by, ip, app, desc, app)
	return decodeEntra(t, msg, at)
}

// TestEntraSecretAddedThenUsed: a client secret added to an application
// and used to sign in as it minutes later from a network the application
// never used (Midnight Blizzard's way back in) is
// minted_then_used_elsewhere, whoever added it and whichever app; one
// added and used from the app's own network raises nothing.
func TestEntraSecretAddedThenUsed(t *testing.T) {
	for _, c := range []struct {
		name, by, app, ip string
		asn               int
		after             time.Duration
		minted, firstSeen bool
	}{
		{"dana's session adds a secret, used from a VPS", "dana@acme.example", "deploy-bot", "185.220.101.4", 205100, 10 * time.Minute, true, true},
		{"an app admin's, used from a cloud", "erin@acme.example", "etl-app", "34.90.1.2", 396982, 5 * time.Minute, true, true},
		{"rotated and used from Azure", "erin@acme.example", "deploy-bot", "20.61.14.203", 8075, 10 * time.Minute, false, false},
		{"used from a VPS two hours later", "dana@acme.example", "etl-app", "185.220.101.4", 205100, 2 * time.Hour, false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for _, app := range []string{"deploy-bot", "etl-app"} {
				for h := 0; h < 240; h += 4 {
					evs = append(evs, entraAppSignIn(t, fmt.Sprintf("%s-%d", app, h), app, "key-1", t0.Add(time.Duration(h)*time.Hour), "20.61.14.200", 8075))
				}
			}
			at := t0.Add(241 * time.Hour)
			evs = append(evs, entraKeyAdded(t, c.by, c.app, "key-new", at, "185.220.101.4"),
				entraAppSignIn(t, "x", c.app, "key-new", at.Add(c.after), c.ip, c.asn))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.minted, got["minted_then_used_elsewhere"] != nil, "%v", got)
			require.Equal(t, c.firstSeen, got["first_seen_asn"] != nil, "%v", got)
		})
	}
}
