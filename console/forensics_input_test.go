package console

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// hostileValues are values no parameter should turn into a server error,
// another tenant's data or SQL.
var hostileValues = []string{"' OR 1=1 --", "acme'; DROP TABLE events; --", "../../etc/passwd", "%00", "\x00", "\xff\xfe",
	"1e309", "-1", "0", "99999999999999999999", "now()", "tenant", "time_ms DESC; SELECT 1", string(make([]byte, 300)),
	"2026-13-40T99:00:00Z", "<script>alert(1)</script>", "asc,desc", "{{.}}", "tenant:acme' OR '1'='1", "attrs.x') OR ('1:1",
	"1796029200000:x' OR '1'='1", "72h; DROP", "acme,globex"}

// TestForensicsRejectBadInput: every parameter of every forensic
// endpoint, given hostile values, answers 400 naming the parameter or an
// answer within scope; never a server error.
func TestForensicsRejectBadInput(t *testing.T) {
	x := newForensicRig(t)
	endpoints := map[string][]string{
		"/api/v1/secrets/history?secret=sec_db&": secretParams, "/api/v1/actors/mallory/activity?": actorParams,
		"/api/v1/tenants/cross-access?": crossParams, "/api/v1/events/search?" + dayRange + "&": searchParams,
		"/api/v1/events/export?" + dayRange + "&": searchParams, "/api/v1/alerts/acme/alr_acme_mal?": alertDetailParams,
	}
	for base, params := range endpoints {
		for _, p := range params {
			for _, v := range hostileValues {
				code, body := x.get(t, "tok-acme-investigator", base+url.Values{p: {v}}.Encode())
				require.Contains(t, []int{http.StatusOK, http.StatusBadRequest}, code, "%s%s=%q: %s", base, p, v, body)
				require.NotContains(t, string(body), "globex", "%s%s=%q", base, p, v)
				if code == http.StatusBadRequest {
					var e apiError
					require.NoError(t, json.Unmarshal(body, &e))
					require.Contains(t, []string{p, "from", "to"}, e.Field, "%s%s=%q", base, p, v)
				}
			}
		}
		x.requireBadParam(t, "tok-admin", base+"unknown=1", "unknown")
		x.requireBadParam(t, "tok-admin", base+"limit=1;2", "limit")
	}
	for _, v := range hostileValues {
		code, body := x.get(t, "tok-acme-investigator", "/api/v1/actors/"+url.PathEscape(v)+"/activity")
		require.Contains(t, []int{http.StatusOK, http.StatusBadRequest, http.StatusNotFound}, code, "id=%q: %s", v, body)
		code, _ = x.get(t, "tok-acme", "/api/v1/alerts/acme/"+url.PathEscape(v))
		require.Contains(t, []int{http.StatusBadRequest, http.StatusNotFound}, code, "id=%q", v)
	}
	x.requireBadParam(t, "tok-admin", "/api/v1/secrets/history", "secret")
	x.requireBadParam(t, "tok-admin", "/api/v1/secrets/history?secret=a&secret=b", "secret")
	x.requireBadParam(t, "tok-admin", "/api/v1/tenants/cross-access?tenant=a&tenant=b", "tenant")
	x.requireBadParam(t, "tok-admin", "/api/v1/actors/mallory/activity?from=2026-01-01T00:00:00Z", "from")
}
