package console

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAlertPageScoped: a user of another tenant gets exactly the 404 of a
// missing alert; a scoped user sees the credential's events and the
// intents of the tenants in scope only.
func TestAlertPageScoped(t *testing.T) {
	x := newForensicRig(t)
	for _, token := range []string{"tok-acme", "tok-initech", "tok-nobody", "tok-injected"} {
		code, got := x.get(t, token, "/api/v1/alerts/globex/alr_page")
		require.Equal(t, http.StatusNotFound, code, token)
		_, missing := x.get(t, token, "/api/v1/alerts/globex/no_such_alert")
		require.Equal(t, string(missing), string(got), token)
		_, missingOwn := x.get(t, token, "/api/v1/alerts/acme/no_such_alert")
		require.Equal(t, string(missingOwn), string(got), token)
	}
	code, _ := x.get(t, "tok-admin", "/api/v1/alerts/globex/no_such_alert")
	require.Equal(t, http.StatusNotFound, code)
	code, _ = x.get(t, "tok-admin", "/api/v1/alerts/acme/alr_page")
	require.Equal(t, http.StatusNotFound, code, "an alert is found under its own tenant only")

	for _, token := range []string{"tok-globex-viewer", "tok-globex-analyst", "tok-globex-investigator"} {
		var d AlertDetail
		x.getJSON(t, token, "/api/v1/alerts/globex/alr_page", &d)
		require.Len(t, d.Timeline.Events, 2, token)
		for _, e := range d.Timeline.Events {
			require.Equal(t, "globex", e.Tenant, token)
		}
		require.Len(t, d.Response, 1, token)
		require.Equal(t, "int_notify", d.Response[0].ID, "acme's intent is out of %s's scope", token)
	}
	var two AlertDetail
	x.getJSON(t, "tok-two", "/api/v1/alerts/globex/alr_page", &two)
	require.Len(t, two.Response, 2)
	require.Len(t, two.Timeline.Events, 11)
}

// TestAlertPageVariants: the around span and limit bound the timeline; a
// suppressed alert shows its suppression; an unreadable explanation
// leaves the reason alone.
func TestAlertPageVariants(t *testing.T) {
	x := newForensicRig(t)
	var d AlertDetail
	x.getJSON(t, "tok-admin", "/api/v1/alerts/globex/alr_page?around=1h", &d)
	require.Len(t, d.Timeline.Events, 6, "acme's uses 4 h to 1 h before now and mallory's two")
	x.getJSON(t, "tok-admin", "/api/v1/alerts/globex/alr_page?around=90m&limit=2", &d)
	require.Len(t, d.Timeline.Events, 2)
	require.True(t, d.Timeline.Truncated)

	var sup AlertDetail
	x.getJSON(t, "tok-globex-viewer", "/api/v1/alerts/globex/alr_rel_cred", &sup)
	require.Equal(t, &SuppressionRecord{ID: "sup_1", Owner: "sam", Reason: "known VPN"}, sup.Alert.Suppression)
	require.True(t, sup.Alert.Suppressed)
	require.Equal(t, []string{"alr_page"}, alertIDs(sup.Related))
	require.Empty(t, sup.Response)
	require.Len(t, sup.Evidence.Events, 0)

	var bad AlertDetail
	x.getJSON(t, "tok-admin", "/api/v1/alerts/globex/alr_rel_actor", &bad)
	require.False(t, bad.Explanation.Decoded)
	require.Empty(t, bad.Explanation.Facts)
	require.NotEmpty(t, bad.Explanation.Reason)
	require.Equal(t, []string{"alr_page"}, alertIDs(bad.Related), "related by actor")
	require.Equal(t, "int_other", bad.Response[0].ID)
}

// TestAlertPageRejectsBadInput: 400 naming the parameter.
func TestAlertPageRejectsBadInput(t *testing.T) {
	x := newForensicRig(t)
	for q, field := range map[string]string{"around=0s": "around", "around=73h": "around", "around=1h%20OR%201=1": "around",
		"around=-6h": "around", "limit=0": "limit", "limit=1001": "limit", "limit=1;DROP": "limit", "status=open": "status",
		"around=1h&around=2h": "around"} {
		x.requireBadParam(t, "tok-admin", "/api/v1/alerts/globex/alr_page?"+q, field)
	}
	long := url.PathEscape(string(make([]byte, 300)))
	x.requireBadParam(t, "tok-admin", "/api/v1/alerts/"+long+"/alr_page", "tenant")
	x.requireBadParam(t, "tok-admin", "/api/v1/alerts/globex/"+url.PathEscape("\xff"), "id")
	for _, id := range []string{"' OR 1=1 --", "alr_page' OR '1'='1", "alr_page\x00"} {
		code, _ := x.get(t, "tok-globex-viewer", "/api/v1/alerts/globex/"+url.PathEscape(id))
		require.Equal(t, http.StatusNotFound, code, id)
	}
}
