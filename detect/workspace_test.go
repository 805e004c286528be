package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// wsToken is a Google Workspace OAuth token audit activity: user's grant
// to app (client) is authorized from, or used by the app from, ip.
func wsToken(t *testing.T, id, name, user, client, ip string, at time.Time) event.Event {
	t.Helper()
	msg := fmt.Sprintf(`{"kind":"admin#reports#activity","id":{"time":%q,"uniqueQualifier":%q,"applicationName":"token","customerId":"C03az79cb"},
		"actor":{"email":%q,"profileId":"1042","callerType":"USER"},"ipAddress":%q,"events":[{"type":"auth","name":%q,"parameters":[
		{"name":"client_id","value":%q},{"name":"app_name","value":"crm-sync"},{"name":"api_name","value":"gmail"},
		{"name":"method_name","value":"gmail.users.messages.list"},{"name":"scope","multiValue":["https://www.googleapis.com/auth/gmail.readonly"]}]}]}`,
		at.Format(time.RFC3339Nano), id, user, ip, name, client)
	return decodeOne(t, msg, at, nil)
}

// TestWorkspaceGrantUsedFromANewNetwork: a third party app's OAuth grant,
// given in a user's browser and used by the app's servers for ten days, is
// first_seen_asn when used from a network the grant never came from (the
// app's stolen tokens replayed, as in 2025's Salesloft Drift breach),
// whichever the user; the app's own first calls after the grant, and its
// servers later, raise nothing.
func TestWorkspaceGrantUsedFromANewNetwork(t *testing.T) {
	for _, c := range []struct {
		name, user, ip string
		fires          bool
	}{
		{"priya's grant from a VPS", "priya@northwind.example", "185.220.101.4", true},
		{"omar's grant from another cloud", "omar@northwind.example", "20.61.14.9", true},
		{"from the app's servers", "priya@northwind.example", "35.227.151.80", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for _, u := range []string{"priya@northwind.example", "omar@northwind.example"} {
				evs = append(evs, wsToken(t, u+"-grant", "authorize", u, "4116-crm.apps.googleusercontent.com", "73.12.40.9", t0))
				for h := 1; h < 240; h += 3 {
					evs = append(evs, wsToken(t, fmt.Sprintf("%s-%d", u, h), "activity", u, "4116-crm.apps.googleusercontent.com",
						"35.227.151.44", t0.Add(time.Duration(h)*time.Hour+5*time.Minute)))
				}
			}
			before := rulesOf(run(t, newEngine(t), evs))
			require.Empty(t, before, "a grant and its app's own calls raise nothing")
			evs = append(evs, wsToken(t, "x", "activity", c.user, "4116-crm.apps.googleusercontent.com", c.ip, t0.Add(241*time.Hour)))
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["first_seen_asn"] != nil, "%v", got)
		})
	}
}
