package console

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// count is how many times re matches body.
func count(body, re string) int { return len(regexp.MustCompile(re).FindAllString(body, -1)) }

// TestPagesAlert: the alert page draws GET /api/v1/alerts/{tenant}/{id}:
// facts with observed, baseline and markers, evidence (one event gone),
// the credential's events around it (evidence marked), related alerts,
// each intent's transitions; the triage panel; forms only for analysts;
// recorded as the API records it.
func TestPagesAlert(t *testing.T) {
	x := newForensicRig(t)
	code, body := x.page(t, x.session(t, "tok-admin"), "/ui/alerts/globex/alr_page")
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, body, `id="explanation-reason">token of tenant acme used on private model of tenant globex<`)
	require.Regexp(t, `data-fact="credential.network">\s*<td><code>credential.network</code></td><td class="num">9009</td><td class="num">1</td>\s*<td><span class="marker marker-UNSEEN">UNSEEN</span>`, body)
	require.Contains(t, body, `<span class="marker marker-RARE">RARE</span>`)
	require.Contains(t, body, `<span class="marker marker-ABOVE_BASELINE">ABOVE_BASELINE</span>`)
	require.Equal(t, 2, count(body, `<tr class="evidence" data-event="mal-globex-\d"`))
	require.Contains(t, body, `<tr class="evidence gone" data-event="gone-event">`)
	require.Equal(t, 11, count(body, `<tr class="event[^"]*" data-ts="\d+"`), "the credential's events around the alert")
	require.Equal(t, 2, count(body, `<tr class="event is-evidence" data-ts="\d+" data-evidence="1">`))
	require.Contains(t, body, `href="/ui/alerts/globex/alr_rel_cred"`)
	require.Contains(t, body, `href="/ui/alerts/globex/alr_rel_actor"`)
	require.NotContains(t, body, `alr_unrelated`)
	require.Equal(t, 4, count(body, `<li class="transition"`)-1, "int_revoke's four transitions and int_notify's one")
	require.Contains(t, body, `id="intent-int_revoke"`)
	require.Contains(t, body, `<b>approved</b> by <span class="by">ann</span>: <span class="detail">confirmed theft</span>`)
	require.Contains(t, body, `<b>delivered</b> by <span class="by">respond</span>, attempt 1: <span class="detail">HTTP 200</span>`)
	require.NotContains(t, body, "payload")
	require.NotContains(t, body, "hx-trigger=\"every", "nothing to wait for: the page does not poll")
	require.Contains(t, body, `id="timeline-link" href="/ui/credentials/tok_acme?from=2026-11-23T09%3A00%3A00Z&amp;to=2026-11-30T12%3A00%3A00Z"`)
	require.Contains(t, body, `id="triage-status">new<`)
	require.Contains(t, body, `id="acknowledge"`, "admins triage")
	require.Contains(t, body, `id="suppress-form"`)
	require.Contains(t, body, `name="rule" value="cross_tenant_private"`, "the suppression is prefilled")
	e := x.actions.entries[len(x.actions.entries)-1]
	require.Equal(t, []string{"alert.view", "globex"}, []string{e.Action, e.Tenant})
	require.Contains(t, e.Detail, `"ID":"alr_page"`)

	_, body = x.page(t, x.session(t, "tok-globex-viewer"), "/ui/alerts/globex/alr_page")
	for _, form := range []string{`id="acknowledge"`, `id="suppress-form"`, `id="close"`, `id="add-note"`, "data-api="} {
		require.NotContains(t, body, form, "viewers do not triage")
	}
	require.NotContains(t, body, `id="intent-int_revoke"`, "kept under acme: not a globex user's")
	require.Contains(t, body, `id="intent-int_notify"`)
	require.NotContains(t, body, `id="timeline-link"`, "viewers do not investigate")
}

// TestPagesAlertTriageAndResponse: the triage panel follows the alert's
// triage (its forms too), its history shows the notes; a proposal offers
// Approve and Reject to analysts; an approved intent makes the response
// section poll the page until it is delivered.
func TestPagesAlertTriageAndResponse(t *testing.T) {
	x := newForensicRig(t)
	analyst := x.session(t, "tok-globex-analyst")
	const path = "/ui/alerts/globex/alr_rel_actor"
	_, body := x.page(t, analyst, path)
	require.Contains(t, body, `id="approve-int_other"`)
	require.Contains(t, body, `data-api="/api/v1/responses/globex/int_other/reject"`)
	require.Contains(t, body, `data-api="/api/v1/alerts/globex/alr_rel_actor/acknowledge"`)
	require.Contains(t, body, `<input type="hidden" name="assignee" value="gia">`, "assign to me")
	require.Contains(t, body, `id="triage-assignee">nobody<`)

	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/globex/alr_rel_actor/assign", map[string]string{"assignee": "gia"}, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/globex/alr_rel_actor/notes", map[string]string{"text": "seen <b>before</b>"}, nil)
	x.ok(t, http.StatusOK, "POST", "tok-admin", "/api/v1/alerts/globex/alr_rel_actor/close", map[string]string{"reason": "benign"}, nil)
	_, body = x.page(t, analyst, path)
	require.Contains(t, body, `id="triage-status">closed<`)
	require.Contains(t, body, `id="triage-close-reason">benign<`)
	require.Contains(t, body, `id="triage-assignee">gia<`)
	require.Contains(t, body, `<blockquote class="note">seen &lt;b&gt;before&lt;/b&gt;</blockquote>`)
	require.Equal(t, 3, strings.Count(body, `<li class="entry"`))
	require.Contains(t, body, `id="reopen"`)
	for _, gone := range []string{`id="acknowledge"`, `id="close"`, `id="assign-me"`} {
		require.NotContains(t, body, gone, "a closed alert is reopened first")
	}

	_, err := x.console.work.approvals.Approve(t.Context(), "globex", "int_other", "gia")
	require.NoError(t, err)
	_, body = x.page(t, analyst, path+"?around=2h")
	require.NotContains(t, body, `id="approve-int_other"`, "answered")
	require.Contains(t, body, `hx-get="/ui/alerts/globex/alr_rel_actor?around=2h" hx-select="#response"`,
		"the response polls until the approved revocation is delivered")
	_, body = x.page(t, x.session(t, "tok-globex-viewer"), path)
	require.NotContains(t, body, "data-api=")
}

// TestPagesAlertScopedAndBadInput: out of scope an alert answers exactly
// like a missing one; a bad parameter is a 400 naming it.
func TestPagesAlertScopedAndBadInput(t *testing.T) {
	x := newRig(t)
	acme := x.session(t, "tok-acme")
	code, body := x.page(t, acme, "/ui/alerts/acme/alr_acme_0")
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, body, `id="alert-rule">leaked_token_used<`)
	require.NotContains(t, body, `id="timeline-link"`, "analysts do not investigate")
	_, missing := x.page(t, acme, "/ui/alerts/acme/alr_acme_9")
	for _, path := range []string{"/ui/alerts/globex/alr_globex_0", "/ui/alerts/acme/alr_acme_9",
		"/ui/alerts/" + url.PathEscape("acme' OR '1'='1") + "/alr_acme_0"} {
		code, body := x.page(t, acme, path)
		require.Equal(t, http.StatusNotFound, code, path)
		require.Equal(t, missing, body, path)
	}
	code, body = x.page(t, x.session(t, "tok-two"), "/ui/alerts/globex/alr_globex_0")
	require.Equal(t, http.StatusOK, code)
	require.Contains(t, body, `href="/ui/credentials/tok_globex?from=`)
	for path, field := range map[string]string{"/ui/alerts/acme/" + strings.Repeat("a", 300): "id",
		"/ui/alerts/acme/alr_acme_0?around=1s": "around", "/ui/alerts/acme/alr_acme_0?limit=0": "limit",
		"/ui/alerts/acme/alr_acme_0?sort=x": "sort"} {
		code, body := x.page(t, acme, path)
		require.Equal(t, http.StatusBadRequest, code, path)
		require.Contains(t, body, `<code id="problem-field">`+field+`</code>`, path)
	}
}
