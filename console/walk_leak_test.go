package console

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/store"
)

// foreignMarkers name the tenants acme's users must never see anything of.
var foreignMarkers = []string{"globex", "initech"}

// probeValues are sent in every parameter: other tenants' names and
// objects, SQL and path tricks, and values out of every range.
var probeValues = []string{"globex", "initech", "tok_globex", "user@globex", "alr_globex_0", "globex/db-password",
	"ev-globex-1", "' OR '1'='1", "acme' OR tenant != 'acme", "acme') OR ('1'='1", "1; DROP TABLE events",
	`\' OR 1=1 --`, "%", "*", "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "acme\x00globex", strings.Repeat("a", 5000),
	"-1", "0", "99999999999999999999", "1970-01-01T00:00:00Z", "2026-11-30T12:00:00Z", "9999-12-31T23:59:59Z",
	"<script>alert(1)</script>", "😀", "tok_acme\n"}

// tenantEvents are two events per alert tenant, every name in them
// carrying the tenant's name, stored through the events table (so the
// per-token and per-secret tables hold them too).
func tenantEvents() store.Rows {
	cols := []string{"id", "time", "time_ms", "action", "outcome", "tenant", "actor_id", "actor_type", "token_id",
		"token_tenant", "token_owner", "secret_id", "secret_name", "secret_tenant", "resource_type", "resource_id",
		"source_ip", "source_asn", "source_country", "workload_id", "workload_build_id", "raw", "ingested_at"}
	rows := store.Rows{Table: "events", Columns: cols}
	for i, tenant := range alertTenants {
		for j := range 2 {
			at := now.Add(-time.Duration(i*2+j+1) * time.Hour)
			rows.Values = append(rows.Values, []any{fmt.Sprintf("ev-%s-%d", tenant, j), at, uint64(at.UnixMilli()),
				"secret.read", "success", tenant, "user@" + tenant, "user", "tok_" + tenant, tenant, "user@" + tenant,
				tenant + "/db-password", tenant + "/db-password", tenant, "secret", tenant + "/db-password",
				"198.51.100." + fmt.Sprint(i), uint32(64500 + i), "DE", "wl-" + tenant, "build-" + tenant,
				`{"tenant":"` + tenant + `"}`, at})
		}
	}
	return rows
}

// scopedTokens are acme-only users by permission.
var scopedTokens = map[string]string{"ReadAlerts": "tok-acme", "Triage": "tok-acme", "Investigate": "tok-acme-investigator"}

// TestNoParameterLeaksAnotherTenant sends every probe value in every
// parameter of every documented read: an acme-scoped user's answers hold
// nothing of globex or initech, and no value makes any user's request fail
// with anything but 400 or 404.
func TestNoParameterLeaksAnotherTenant(t *testing.T) {
	x := newRig(t)
	require.NoError(t, x.st.InsertRows(context.Background(), tenantEvents()))
	w := newWalker(x)
	for _, op := range documentedOperations(t) {
		if op.Method != http.MethodGet || op.Permission == "" || scopedTokens[op.Permission] == "" {
			continue
		}
		for _, p := range op.Params {
			for _, v := range append(probeValues, enumStrings(p.Schema.Enum)...) {
				path := samplePath(op.Path, "acme")
				if p.In == "path" {
					path = strings.Replace(op.Path, "{"+p.Name+"}", url.PathEscape(v), 1)
					path = samplePath(path, "acme")
				} else {
					path += "?" + url.Values{p.Name: {v}}.Encode()
				}
				for _, token := range []string{scopedTokens[op.Permission], "tok-admin"} {
					code, body := w.do(t, op, token, path, "")
					require.Contains(t, []int{http.StatusOK, http.StatusSeeOther, http.StatusBadRequest, http.StatusNotFound}, code,
						"%s %s as %s: %s", op.Method, path, token, body)
					if token != "tok-admin" {
						requireNoForeignData(t, body, v, path)
					}
				}
			}
		}
	}
}

// requireNoForeignData fails when body, less the echoed probe value,
// names another tenant.
func requireNoForeignData(t *testing.T, body, sent, path string) {
	quoted, _ := json.Marshal(sent)
	query := url.QueryEscape(sent)
	body = strings.ToLower(body) // templates write %-escapes in lower case
	for _, echo := range []string{string(quoted[1 : len(quoted)-1]), sent, html.EscapeString(sent), query,
		html.EscapeString(query), url.PathEscape(sent), strings.ReplaceAll(sent, "\x00", "\uFFFD")} { // templates print NUL as U+FFFD
		body = strings.ReplaceAll(body, strings.ToLower(echo), "")
	}
	for _, m := range foreignMarkers {
		require.NotContains(t, body, m, "GET %s leaked another tenant", path)
	}
}

func enumStrings(enum []any) []string {
	out := make([]string, len(enum))
	for i, e := range enum {
		out[i] = fmt.Sprint(e)
	}
	return out
}
