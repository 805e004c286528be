package console

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/detect/suppressions"
)

// supBody is a valid suppression body for tenant.
func supBody(tenant string) map[string]any {
	return map[string]any{"rule": "leaked_token_used", "tenant": tenant, "credential": "tok_" + tenant,
		"reason": "rotation drill", "expires": now.Add(7 * 24 * time.Hour).Format(time.RFC3339)}
}

// TestSuppressionsAddListEnd: analysts add suppressions of their tenants
// (owner: themselves), every role lists those in scope, and ending one
// hides it from the active list and from detection.
func TestSuppressionsAddListEnd(t *testing.T) {
	x := newRig(t)
	var acme, globex, everywhere suppressions.Record
	x.ok(t, http.StatusCreated, "POST", "tok-acme", "/api/v1/suppressions", supBody("acme"), &acme)
	require.True(t, strings.HasPrefix(acme.ID, "sup_"))
	require.Equal(t, []any{"ann", "ann", now, "acme", "tok_acme", now.Add(7 * 24 * time.Hour), false},
		[]any{acme.Owner, acme.CreatedBy, acme.Created, acme.Tenant, acme.Credential, acme.Expires, acme.Ended})
	x.ok(t, http.StatusCreated, "POST", "tok-admin", "/api/v1/suppressions", supBody("globex"), &globex)
	x.ok(t, http.StatusCreated, "POST", "tok-admin", "/api/v1/suppressions", map[string]any{"rule": "*", "asn": 9009,
		"reason": "pentest", "expires": now.Add(time.Hour)}, &everywhere)
	require.Equal(t, []string{"ann acme/", "ada globex/", "ada /"}, x.actionsNamed("suppression.add"))

	listed := func(token, q string) []string {
		var l suppressionList
		x.ok(t, http.StatusOK, "GET", token, "/api/v1/suppressions"+q, nil, &l)
		var ids []string
		for _, r := range l.Suppressions {
			ids = append(ids, r.ID)
		}
		return ids
	}
	require.ElementsMatch(t, []string{acme.ID, globex.ID, everywhere.ID}, listed("tok-viewer", ""))
	require.Equal(t, []string{acme.ID}, listed("tok-acme", "?state=all"))
	require.ElementsMatch(t, []string{acme.ID, globex.ID}, listed("tok-two", ""), "every-tenant suppressions are not a scoped user's")
	require.Empty(t, listed("tok-initech", "?state=all"))

	for _, id := range []string{globex.ID, everywhere.ID, "sup_none", strings.Repeat("s", 300)} {
		x.ok(t, http.StatusNotFound, "DELETE", "tok-acme", "/api/v1/suppressions/"+id, nil, nil)
	}
	for _, tok := range []string{"tok-viewer", "tok-two", "tok-initech"} {
		x.ok(t, http.StatusForbidden, "DELETE", tok, "/api/v1/suppressions/"+acme.ID, nil, nil)
		x.ok(t, http.StatusForbidden, "POST", tok, "/api/v1/suppressions", supBody("acme"), nil)
	}
	var ended suppressions.Record
	x.ok(t, http.StatusOK, "DELETE", "tok-acme", "/api/v1/suppressions/"+acme.ID, nil, &ended)
	require.Equal(t, []any{true, "ann"}, []any{ended.Ended, ended.EndedBy})
	x.ok(t, http.StatusConflict, "DELETE", "tok-admin", "/api/v1/suppressions/"+acme.ID, nil, nil)
	require.Empty(t, listed("tok-acme", ""))
	require.Equal(t, []string{acme.ID}, listed("tok-acme", "?state=ended"))
	require.Equal(t, []string{"ann acme/"}, x.actionsNamed("suppression.end"))

	active, err := suppressions.NewStore(x.st).Active(context.Background(), now)
	require.NoError(t, err)
	require.ElementsMatch(t, []string{globex.ID, everywhere.ID}, suppressionIDs(active), "what detection polls")
}

// suppressionIDs are list's ids.
func suppressionIDs(list []detect.Suppression) []string {
	var out []string
	for _, s := range list {
		out = append(out, s.ID)
	}
	return out
}

// TestSuppressionsRejectBadInput: 400s naming the field; nothing stored.
func TestSuppressionsRejectBadInput(t *testing.T) {
	x := newRig(t)
	with := func(token string, change map[string]any) string {
		b := supBody("acme")
		for k, v := range change {
			if v == nil {
				delete(b, k)
				continue
			}
			b[k] = v
		}
		return x.field(t, "POST", token, "/api/v1/suppressions", b)
	}
	for field, change := range map[string]map[string]any{
		"rule":       {"rule": nil},
		"credential": {"credential": strings.Repeat("c", 300)},
		"actor":      {"actor": "a\nb"},
		"tenant":     {"tenant": "globex"},
		"reason":     {"reason": " "},
		"expires":    {"expires": now.Add(-time.Minute).Format(time.RFC3339)},
		"asn":        {"asn": -1},
		"owner":      {"owner": "someone-else"},
	} {
		require.Equal(t, field, with("tok-acme", change), "%v", change)
	}
	require.Equal(t, "tenant", with("tok-acme", map[string]any{"tenant": nil}), "a scoped user names a tenant")
	require.Equal(t, "tenant", with("tok-nobody", map[string]any{}))
	require.Equal(t, "expires", with("tok-admin", map[string]any{"expires": now.Add(91 * 24 * time.Hour).Format(time.RFC3339)}))
	require.Equal(t, "expires", with("tok-admin", map[string]any{"expires": nil}))
	require.Equal(t, "expires", with("tok-admin", map[string]any{"expires": "tomorrow"}))
	require.Equal(t, "rule", with("tok-admin", map[string]any{"rule": "*", "tenant": nil, "credential": nil}))
	require.Equal(t, "rule", with("tok-admin", map[string]any{"rule": "Leaked Token"}))
	require.Equal(t, "asn", with("tok-admin", map[string]any{"asn": "9009"}))
	for q, field := range map[string]string{"?state=open": "state", "?limit=0": "limit", "?limit=1001": "limit", "?tenant=acme": "tenant"} {
		require.Equal(t, field, x.field(t, "GET", "tok-acme", "/api/v1/suppressions"+q, nil), q)
	}
	var l suppressionList
	x.ok(t, http.StatusOK, "GET", "tok-admin", "/api/v1/suppressions?state=all", nil, &l)
	require.Empty(t, l.Suppressions)
	require.Empty(t, x.actionsNamed("suppression.add"))
}
