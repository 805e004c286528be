package console

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAlertsCarryTriage: each listed alert has its status and assignee;
// the status filter (repeatable) narrows within the user's scope.
func TestAlertsCarryTriage(t *testing.T) {
	x := newRig(t)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/acme/alr_acme_0/assign", map[string]string{"assignee": "bob"}, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/acme/alr_acme_0/acknowledge", nil, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/globex/alr_globex_0/close", map[string]string{"reason": "benign"}, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/initech/alr_initech_1/close", map[string]string{"reason": "duplicate"}, nil)
	byID := func(token, q string) map[string]string {
		out := map[string]string{}
		for _, a := range x.alerts(t, token, "/api/v1/alerts"+q) {
			out[a.ID] = a.Status + "/" + a.Assignee
		}
		return out
	}
	require.Equal(t, map[string]string{"alr_acme_0": "acknowledged/bob", "alr_acme_1": "new/", "alr_globex_0": "closed/",
		"alr_globex_1": "new/", "alr_initech_0": "new/", "alr_initech_1": "closed/"}, byID("tok-viewer", ""))
	require.Equal(t, map[string]string{"alr_acme_1": "new/", "alr_globex_1": "new/", "alr_initech_0": "new/"},
		byID("tok-admin", "?status=new"))
	require.Equal(t, map[string]string{"alr_acme_0": "acknowledged/bob", "alr_globex_0": "closed/", "alr_initech_1": "closed/"},
		byID("tok-admin", "?status=acknowledged&status=closed&sort=severity"))
	require.Equal(t, map[string]string{"alr_globex_0": "closed/"}, byID("tok-two", "?status=closed"))
	require.Equal(t, map[string]string{"alr_acme_0": "acknowledged/bob"}, byID("tok-acme", "?status=acknowledged&severity=critical"))
	require.Empty(t, byID("tok-acme", "?status=closed"))
	require.Empty(t, byID("tok-initech", "?status=closed&tenant=globex"))
	for _, bad := range []string{"open", "", "NEW", "new,closed"} {
		require.Equal(t, "status", x.field(t, "GET", "tok-acme", "/api/v1/alerts?status="+bad, nil), bad)
	}
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/globex/alr_globex_0/reopen", nil, nil)
	require.Equal(t, map[string]string{"alr_globex_0": "acknowledged/", "alr_globex_1": "new/"}, byID("tok-two", "?tenant=globex"))
}

// TestBulkTriage: each alert of a bulk action is checked for scope and
// state on its own, answered in order, and recorded as its own action.
func TestBulkTriage(t *testing.T) {
	x := newRig(t)
	refs := []alertRef{{"acme", "alr_acme_0"}, {"globex", "alr_globex_0"}, {"acme", "alr_acme_1"}, {"acme", "alr_nope"}}
	var got struct{ Results []bulkResult }
	x.ok(t, http.StatusOK, "POST", "tok-acme", "/api/v1/alerts/bulk", bulkTriageRequest{Action: "acknowledge", Alerts: refs}, &got)
	require.Equal(t, []bulkResult{{"acme", "alr_acme_0", "done", "acknowledged", ""}, {"globex", "alr_globex_0", "not_found", "", "no such alert"},
		{"acme", "alr_acme_1", "done", "acknowledged", ""}, {"acme", "alr_nope", "not_found", "", "no such alert"}}, got.Results)
	require.Equal(t, []string{"ann acme/alr_acme_0", "ann acme/alr_acme_1"}, x.actionsNamed("alert.acknowledge"))
	require.Len(t, x.actionsNamed("alerts.bulk"), 1)

	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/bulk", bulkTriageRequest{Action: "close", Reason: "false_positive",
		Alerts: []alertRef{{"acme", "alr_acme_0"}, {"globex", "alr_globex_0"}}}, &got)
	require.Equal(t, []string{"done", "done"}, []string{got.Results[0].Result, got.Results[1].Result})
	got.Results = nil
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/bulk", bulkTriageRequest{Action: "assign", Assignee: "bob",
		Alerts: []alertRef{{"acme", "alr_acme_0"}, {"initech", "alr_initech_0"}}}, &got)
	require.Equal(t, bulkResult{"acme", "alr_acme_0", "conflict", "closed", "the alert is closed; reopen it first"}, got.Results[0])
	require.Equal(t, bulkResult{"initech", "alr_initech_0", "done", "new", ""}, got.Results[1])
	a := x.alerts(t, "tok-admin", "/api/v1/alerts?tenant=initech&rule=leaked_token_used")
	require.Equal(t, "bob", a[0].Assignee)

	many := make([]alertRef, maxBulk+1)
	for i := range many {
		many[i] = alertRef{"acme", "alr_" + string(rune('a'+i%26)) + string(rune('a'+i/26))}
	}
	for want, body := range map[string]any{
		"action":    bulkTriageRequest{Action: "reopen", Alerts: refs},
		"alerts":    bulkTriageRequest{Action: "acknowledge"},
		"alerts[1]": bulkTriageRequest{Action: "acknowledge", Alerts: []alertRef{refs[0], refs[0]}},
		"reason":    bulkTriageRequest{Action: "close", Alerts: refs},
		"assignee":  bulkTriageRequest{Action: "assign", Alerts: refs},
		"body":      `{"action":"close"`,
		"tenants":   `{"action":"close","tenants":["acme"]}`,
	} {
		require.Equal(t, want, x.field(t, "POST", "tok-acme", "/api/v1/alerts/bulk", body))
	}
	require.Equal(t, "alerts", x.field(t, "POST", "tok-acme", "/api/v1/alerts/bulk", bulkTriageRequest{Action: "acknowledge", Alerts: many}))
}
