package console

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// forensicPaths are a request to each investigator endpoint.
var forensicPaths = []string{"/api/v1/secrets/history?secret=sec_db", "/api/v1/actors/mallory/activity",
	"/api/v1/tenants/cross-access", "/api/v1/events/search?" + dayRange, "/api/v1/events/export?" + dayRange,
	"/api/v1/credentials/tok_acme/timeline?format=csv"}

// TestForensicsNeedInvestigate: viewers and analysts, scoped or not, get
// 403 from every forensic endpoint (and the action log has nothing of
// it); investigators and admins get their answer; no token, 401.
func TestForensicsNeedInvestigate(t *testing.T) {
	x := newForensicRig(t)
	for _, path := range forensicPaths {
		for _, token := range []string{"tok-viewer", "tok-acme", "tok-initech", "tok-nobody", "tok-globex-viewer", "tok-globex-analyst"} {
			code, body := x.get(t, token, path)
			require.Equal(t, http.StatusForbidden, code, "%s %s: %s", token, path, body)
		}
		require.Empty(t, x.actions.entries, "a refused request does nothing to record")
		for _, token := range []string{"tok-two", "tok-admin", "tok-acme-investigator", "tok-globex-investigator"} {
			code, body := x.get(t, token, path)
			require.Equal(t, http.StatusOK, code, "%s %s: %s", token, path, body)
		}
		x.actions.entries = nil
		code, _ := x.get(t, "", path)
		require.Equal(t, http.StatusUnauthorized, code, path)
	}
	for token, alert := range map[string]string{"tok-viewer": "globex/alr_page", "tok-acme": "acme/alr_acme_mal",
		"tok-two": "globex/alr_page", "tok-admin": "acme/alr_acme_mal", "tok-globex-analyst": "globex/alr_rel_cred"} {
		code, _ := x.get(t, token, "/api/v1/alerts/"+alert)
		require.Equal(t, http.StatusOK, code, "every role reads the alert page: %s", token)
	}
	x.actions.fail = true
	for _, path := range append(forensicPaths, "/api/v1/alerts/globex/alr_page") {
		code, _ := x.get(t, "tok-admin", path)
		require.Equal(t, http.StatusServiceUnavailable, code, "nothing is served off the record: %s", path)
	}
}

// TestForensicsNeverLeakAnotherTenant: an investigator scoped to acme
// gets nothing of globex or initech through any endpoint, filter, field,
// order, cursor or format: no answer even names them.
func TestForensicsNeverLeakAnotherTenant(t *testing.T) {
	x := newForensicRig(t)
	globexCursor := url.QueryEscape(strconv.FormatInt(now.Add(-2*time.Hour).UnixMilli(), 10) + ":mal-globex-2")
	paths := []string{
		"/api/v1/events/search?" + dayRange, "/api/v1/events/search?limit=1000&" + dayRange + "&eq=tenant:globex",
		"/api/v1/events/search?" + dayRange + "&prefix=tenant:g", "/api/v1/events/search?" + dayRange + "&eq=token.tenant:globex",
		"/api/v1/events/search?" + dayRange + "&eq=actor.id:mallory&eq=actor.id:user@globex",
		"/api/v1/events/search?" + dayRange + "&eq=secret.id:sec_db&format=csv", "/api/v1/events/search?" + dayRange + "&prefix=attrs.region:eu-",
		"/api/v1/events/search?" + dayRange + "&order=asc&before=" + globexCursor, "/api/v1/events/search?" + dayRange + "&before=" + globexCursor,
		"/api/v1/events/search?" + dayRange + "&eq=actor.tenants:globex&eq=source.country:RO",
		"/api/v1/events/export?" + dayRange, "/api/v1/events/export?" + dayRange + "&format=jsonl&eq=tenant:initech",
		"/api/v1/events/export?" + dayRange + "&prefix=resource.id:globex&before=" + globexCursor,
		"/api/v1/secrets/history?secret=sec_db", "/api/v1/secrets/history?secret=sec_db&tenant=globex&before=" + globexCursor,
		"/api/v1/actors/mallory/activity", "/api/v1/actors/mallory/activity?tenant=globex",
		"/api/v1/actors/pager/activity?limit=1000&before=" + globexCursor, "/api/v1/tenants/cross-access",
		"/api/v1/tenants/cross-access?tenant=globex", "/api/v1/credentials/tok_acme/timeline?format=csv",
		"/api/v1/credentials/tok_pager/timeline?format=csv",
		"/api/v1/alerts/globex/alr_page", "/api/v1/alerts/acme/alr_acme_mal", "/api/v1/alerts/acme/alr_acme_mal?around=72h",
	}
	for _, path := range paths {
		code, body := x.get(t, "tok-acme-investigator", path)
		require.Contains(t, []int{http.StatusOK, http.StatusNotFound}, code, path)
		require.NotContains(t, string(body), "globex", path)
		require.NotContains(t, string(body), "initech", path)
	}
	var other ActorActivity
	x.getJSON(t, "tok-acme-investigator", "/api/v1/actors/user@globex/activity", &other)
	require.Zero(t, other.Total)
	require.Empty(t, other.ByTenant)
	var tl Timeline
	x.getJSON(t, "tok-acme-investigator", "/api/v1/credentials/tok_globex/timeline", &tl)
	require.Empty(t, tl.Events)
	var page SearchResult
	x.getJSON(t, "tok-acme-investigator", "/api/v1/events/search?limit=1000&"+dayRange, &page)
	require.Len(t, page.Events, 12+1+5+10+1, "acme's own events are all there")
}
