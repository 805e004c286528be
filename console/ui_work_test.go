package console

import (
	"net/http"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"
)

var suppressionRow = regexp.MustCompile(`data-suppression="([^"]+)"`)

// TestPagesSuppressions: every role lists the suppressions of its tenants
// (filtered by state); analysts get the forms that add and end them; a bad
// filter is a 400 naming it.
func TestPagesSuppressions(t *testing.T) {
	x := newRig(t)
	var acme, globex suppressionRecordID
	x.ok(t, http.StatusCreated, "POST", "tok-acme", "/api/v1/suppressions", supBody("acme"), &acme)
	x.ok(t, http.StatusCreated, "POST", "tok-admin", "/api/v1/suppressions", supBody("globex"), &globex)
	ids := func(body string) []string {
		var out []string
		for _, m := range suppressionRow.FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	_, body := x.page(t, x.session(t, "tok-viewer"), "/ui/suppressions")
	require.ElementsMatch(t, []string{acme.ID, globex.ID}, ids(body))
	require.NotContains(t, body, "data-api=", "viewers manage nothing")
	ann := x.session(t, "tok-acme")
	code, body := x.page(t, ann, "/ui/suppressions")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, []string{acme.ID}, ids(body))
	require.Contains(t, body, `data-api="/api/v1/suppressions/`+acme.ID+`" data-method="DELETE"`)
	require.Contains(t, body, `id="suppress-form" data-api="/api/v1/suppressions"`)
	require.Contains(t, body, `name="tenant" value="acme"`, "a scoped analyst's tenant is the form's default")
	require.NotContains(t, body, "globex")
	require.Equal(t, "suppressions.list", x.actions.entries[len(x.actions.entries)-1].Action)

	x.ok(t, http.StatusOK, "DELETE", "tok-acme", "/api/v1/suppressions/"+acme.ID, nil, nil)
	_, body = x.page(t, ann, "/ui/suppressions")
	require.Empty(t, ids(body))
	_, body = x.page(t, ann, "/ui/suppressions?state=ended")
	require.Equal(t, []string{acme.ID}, ids(body))
	require.Contains(t, body, "ended by ann")
	require.NotContains(t, body, `data-method="DELETE"`, "an ended suppression cannot end again")
	for q, field := range map[string]string{"?state=gone": "state", "?limit=0": "limit", "?owner=ann": "owner"} {
		code, body := x.page(t, ann, "/ui/suppressions"+q)
		require.Equal(t, http.StatusBadRequest, code, q)
		require.Contains(t, body, "<code>"+field+"</code>", q)
	}
}

// suppressionRecordID is the id of an added suppression.
type suppressionRecordID struct {
	ID string `json:"id"`
}

var intentRow = regexp.MustCompile(`<tr class="response[^"]*" data-intent="([^"]+)"`)

// TestPagesResponses: analysts see the intents of their tenants with their
// transitions, approve or reject proposals, pick them for a bulk approval,
// and see the pending bulk requests (another analyst's to confirm); viewers
// and investigators get 403; a bad filter a 400 naming it.
func TestPagesResponses(t *testing.T) {
	x := newRig(t)
	seedIntents(t, x)
	rows := func(body string) []string {
		var out []string
		for _, m := range intentRow.FindAllStringSubmatch(body, -1) {
			out = append(out, m[1])
		}
		return out
	}
	ann := x.session(t, "tok-acme")
	code, body := x.page(t, ann, "/ui/responses")
	require.Equal(t, http.StatusOK, code)
	require.ElementsMatch(t, []string{"acme/int_a1", "acme/int_a2"}, rows(body), "created in the last week, in acme")
	require.Contains(t, body, `id="approve-int_a1"`)
	require.Contains(t, body, `data-api="/api/v1/responses/acme/int_a1/reject"`)
	require.Contains(t, body, `data-pick data-tenant="acme" data-id="int_a1"`)
	require.NotContains(t, body, `id="approve-int_a2"`, "delivered")
	require.Equal(t, 4, count(body, `<li class="transition"`)-1, "int_a2's four transitions and int_a1's one")
	require.NotContains(t, body, "globex")
	require.Contains(t, body, `href="/ui/alerts/acme/alr_acme_0"`)
	_, body = x.page(t, ann, "/ui/responses?state=proposed&from=2026-10-01T00:00")
	require.ElementsMatch(t, []string{"acme/int_a1", "acme/int_a3"}, rows(body))
	_, body = x.page(t, ann, "/ui/responses?tenant=globex")
	require.Empty(t, rows(body))
	_, body = x.page(t, x.session(t, "tok-admin"), "/ui/responses?state=proposed")
	require.ElementsMatch(t, []string{"acme/int_a1", "globex/int_g1", "initech/int_i1"}, rows(body))
	require.Contains(t, body, `href="/ui/alerts/initech/alr_globex_0"`, "the alert under its own tenant, not the credential's")
	for _, token := range []string{"tok-viewer", "tok-investor", "tok-two"} {
		code, _ := x.page(t, x.session(t, token), "/ui/responses")
		require.Equal(t, http.StatusForbidden, code, token)
	}
	for q, field := range map[string]string{"?state=done": "state", "?limit=5000": "limit", "?from=nope": "from"} {
		code, body := x.page(t, ann, "/ui/responses"+q)
		require.Equal(t, http.StatusBadRequest, code, q)
		require.Contains(t, body, "<code>"+field+"</code>", q)
	}

	var b bulkRequest
	x.ok(t, http.StatusAccepted, "POST", "tok-acme", "/api/v1/responses/bulk-approve",
		bulkApproveRequest{Intents: []intentRef{{"acme", "int_a1"}}, Reason: "leak"}, &b)
	_, body = x.page(t, ann, "/ui/responses")
	require.Contains(t, body, `data-request="`+b.ID+`"`)
	require.Contains(t, body, "waiting for another analyst", "ann requested it")
	require.NotContains(t, body, `id="confirm-`+b.ID+`"`)
	_, body = x.page(t, x.session(t, "tok-analyst"), "/ui/responses")
	require.Contains(t, body, `data-api="/api/v1/responses/bulk/`+b.ID+`/confirm"`, "another analyst confirms it")
	_, body = x.page(t, x.session(t, "tok-nobody"), "/ui/responses")
	require.NotContains(t, body, b.ID)
}
