package console

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAlertsScopedToTenants: each user sees exactly the alerts of the
// tenants in scope, whatever filter, sort or order they ask for.
func TestAlertsScopedToTenants(t *testing.T) {
	x := newRig(t)
	scope := map[string][]string{"tok-admin": alertTenants, "tok-viewer": alertTenants, "tok-acme": {"acme"},
		"tok-two": {"acme", "globex"}, "tok-initech": {"initech"}, "tok-nobody": nil, "tok-injected": nil}
	queries := []string{"", "?sort=severity", "?sort=count&order=asc", "?sort=first_seen", "?limit=1000",
		"?rule=leaked_token_used", "?severity=low", "?credential=tok_globex", "?actor=user@initech",
		"?tenant=acme", "?tenant=globex", "?tenant=initech", "?tenant=" + url.QueryEscape("acme' OR '1'='1")}
	for token, tenants := range scope {
		for _, q := range queries {
			for _, a := range x.alerts(t, token, "/api/v1/alerts"+q) {
				require.Contains(t, tenants, a.Tenant, "%s %s got another tenant's alert", token, q)
			}
		}
		got := x.alerts(t, token, "/api/v1/alerts")
		require.Len(t, got, 2*len(tenants), token)
	}
}

// TestAlertsFilterAndSort: filters narrow, sorts order, limits bound.
func TestAlertsFilterAndSort(t *testing.T) {
	x := newRig(t)
	crit := x.alerts(t, "tok-admin", "/api/v1/alerts?severity=critical")
	require.Len(t, crit, 3)
	require.Equal(t, "acme", crit[0].Tenant, "newest first")
	bySeverity := x.alerts(t, "tok-admin", "/api/v1/alerts?sort=severity&order=asc&limit=2")
	require.Len(t, bySeverity, 2)
	require.Equal(t, []string{"low", "low"}, []string{bySeverity[0].Severity, bySeverity[1].Severity})
	one := x.alerts(t, "tok-two", "/api/v1/alerts?credential=tok_acme&rule=first_seen_asn")
	require.Len(t, one, 1)
	require.Equal(t, "alr_acme_1", one[0].ID)
	require.Empty(t, x.alerts(t, "tok-admin", "/api/v1/alerts?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z"))
}

// TestAlertsRejectBadInput: hostile or malformed values in every
// parameter get a 400 naming the parameter, or an answer within scope;
// never a server error.
func TestAlertsRejectBadInput(t *testing.T) {
	x := newRig(t)
	corpus := []string{"' OR 1=1 --", "acme'; DROP TABLE alerts; --", "../../etc/passwd", "%00", "\x00", "\xff\xfe",
		"1e309", "-1", "0", "99999999999999999999", "now()", "tenant", "last_seen DESC; SELECT 1", string(make([]byte, 300)),
		"2026-13-40T99:00:00Z", "<script>alert(1)</script>", "asc,desc", "{{.}}"}
	for _, p := range alertParams {
		for _, v := range corpus {
			code, body := x.get(t, "tok-acme", "/api/v1/alerts?"+url.Values{p: {v}}.Encode())
			require.Contains(t, []int{http.StatusOK, http.StatusBadRequest}, code, "%s=%q: %s", p, v, body)
			if code == http.StatusBadRequest {
				var e apiError
				require.NoError(t, json.Unmarshal(body, &e))
				require.Equal(t, p, e.Field, "%s=%q", p, v)
				continue
			}
			var out alertList
			require.NoError(t, json.Unmarshal(body, &out))
			for _, a := range out.Alerts {
				require.Equal(t, "acme", a.Tenant)
			}
		}
	}
	for _, p := range timelineParams {
		for _, v := range corpus {
			code, body := x.get(t, "tok-two", "/api/v1/credentials/tok_acme/timeline?"+url.Values{p: {v}}.Encode())
			require.Contains(t, []int{http.StatusOK, http.StatusBadRequest}, code, "%s=%q: %s", p, v, body)
		}
	}
	for _, v := range corpus {
		code, body := x.get(t, "tok-two", "/api/v1/credentials/"+url.PathEscape(v)+"/timeline")
		require.Contains(t, []int{http.StatusOK, http.StatusBadRequest, http.StatusNotFound}, code, "id=%q: %s", v, body)
	}
	code, _ := x.get(t, "tok-acme", "/api/v1/alerts?status=open")
	require.Equal(t, http.StatusBadRequest, code, "unknown parameters are refused")
	code, _ = x.get(t, "tok-acme", "/api/v1/../../etc/passwd")
	require.Equal(t, http.StatusNotFound, code)
}

// TestAlertsNeedAValidToken: no token, another scheme, an unknown token.
func TestAlertsNeedAValidToken(t *testing.T) {
	x := newRig(t)
	for _, token := range []string{"", "unknown", "tok-admin2", "TOK-ADMIN"} {
		code, _ := x.get(t, token, "/api/v1/alerts")
		require.Equal(t, http.StatusUnauthorized, code, "%q", token)
	}
	req, _ := http.NewRequest(http.MethodGet, x.srv.URL+"/api/v1/alerts", nil)
	req.Header.Set("Authorization", "Basic dG9rLWFkbWluOg==")
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, http.StatusUnauthorized, resp.StatusCode)
	require.Equal(t, "default-src 'none'; frame-ancestors 'none'", resp.Header.Get("Content-Security-Policy"))
}

// TestEveryCallIsRecorded: each list is in the action log with its user
// and filter; with the log down, nothing is served.
func TestEveryCallIsRecorded(t *testing.T) {
	x := newRig(t)
	x.alerts(t, "tok-two", "/api/v1/alerts?tenant=globex&severity=low")
	require.Len(t, x.actions.entries, 1)
	e := x.actions.entries[0]
	require.Equal(t, []string{"ivo", "investigator", "alerts.list", "globex"}, []string{e.Actor, e.Role, e.Action, e.Tenant})
	require.Contains(t, e.Detail, `"Severity":"low"`)
	x.actions.fail = true
	code, _ := x.get(t, "tok-two", "/api/v1/alerts")
	require.Equal(t, http.StatusServiceUnavailable, code)
}

// TestOpenAPIMatchesTheHandler: every parameter the document lists is one
// the handler takes, and the other way round; every property of Alert is
// in the answer and nothing else is.
func TestOpenAPIMatchesTheHandler(t *testing.T) {
	x := newRig(t)
	code, body := x.get(t, "", "/api/v1/openapi.json")
	require.Equal(t, http.StatusOK, code)
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name string } `json:"parameters"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Properties map[string]any `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	require.NoError(t, json.Unmarshal(body, &doc))
	var params []string
	for _, p := range doc.Paths["/api/v1/alerts"]["get"].Parameters {
		params = append(params, p.Name)
	}
	require.ElementsMatch(t, alertParams, params)
	params = nil
	for _, p := range doc.Paths["/api/v1/credentials/{id}/timeline"]["get"].Parameters {
		params = append(params, p.Name)
	}
	require.ElementsMatch(t, append([]string{"id"}, timelineParams...), params)
	_, raw := x.get(t, "tok-admin", "/api/v1/alerts?limit=1")
	var got struct{ Alerts []map[string]any }
	require.NoError(t, json.Unmarshal(raw, &got))
	require.Len(t, got.Alerts, 1)
	var keys, documented []string
	for k := range got.Alerts[0] {
		keys = append(keys, k)
	}
	for k := range doc.Components.Schemas["Alert"].Properties {
		documented = append(documented, k)
	}
	slices.Sort(keys)
	require.ElementsMatch(t, documented, keys)
}
