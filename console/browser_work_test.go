package console

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// signIn signs the tab in with token on the login page.
func (b *browser) signIn(t *testing.T, token string) {
	t.Helper()
	b.open(t, "/login", "#token")
	b.do(t, chromedp.SendKeys(chromedp.CSS("#token"), token), chromedp.Click(chromedp.CSS("#sign-in")),
		chromedp.WaitVisible(chromedp.CSS("#alerts-table")))
}

// press clicks sel, which reloads the page, then waits (15 s at most) for
// the new page to show then: the old page is marked, and each poll that
// the reload cuts short is polled again.
func (b *browser) press(t *testing.T, sel, then string) {
	t.Helper()
	eval[bool](t, b, `window.credwatchOldPage = true`)
	b.do(t, chromedp.Click(chromedp.CSS(sel)))
	cond := fmt.Sprintf(`!window.credwatchOldPage && document.readyState === "complete" && !!document.querySelector(%q)`, then)
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := chromedp.Run(b.ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(time.Until(deadline))))
		if err == nil {
			return
		}
		require.True(t, time.Now().Before(deadline), "after %s, waiting for %s: %v", sel, then, err)
	}
}

// TestBrowserTriage: an analyst closes two alerts from the queue with a
// reason (the bulk endpoint's body), then on an alert's page acknowledges
// it, notes, assigns, closes and reopens it, and suppresses what it
// raised; the suppression shows on the Suppressions page and ends there.
// A refused form says which field and why. No console errors or CSP violations.
func TestBrowserTriage(t *testing.T) {
	x, _ := newBrowserRig(t)
	b := newBrowser(t, x.srv.URL)
	b.signIn(t, "tok-acme")
	for _, id := range []string{"alr_acme_0", "alr_acme_1"} {
		b.do(t, chromedp.Click(chromedp.CSS(`tr[data-alert="acme/`+id+`"] input[data-pick]`)))
	}
	require.Equal(t, "2 selected", b.text(t, "#bulk-count"))
	b.do(t, chromedp.SetValue(chromedp.CSS(`#bulk select[name="reason"]`), "benign"),
		chromedp.Click(chromedp.CSS(`#bulk button[value="close"]`)))
	b.waitFor(t, `document.querySelector("#bulk-status").textContent === "2 done."`)
	b.waitFor(t, `document.querySelector('tr[data-alert="acme/alr_acme_1"] .status').textContent === "closed"`)
	require.Equal(t, "0 selected", b.text(t, "#bulk-count"))
	_, body := x.page(t, x.session(t, "tok-admin"), "/ui/alerts/acme/alr_acme_0")
	require.Contains(t, body, `id="triage-close-reason">benign<`)

	b.open(t, "/ui/alerts/acme/alr_acme_shared", "#acknowledge")
	b.press(t, "#acknowledge", `li.entry[data-action="acknowledge"]`)
	require.Equal(t, "acknowledged", b.text(t, "#triage-status"))
	b.do(t, chromedp.SendKeys(chromedp.CSS(`#note-form textarea`), "called the owner: not them"))
	b.press(t, "#add-note", `li.entry[data-action="note"] blockquote`)
	require.Equal(t, "called the owner: not them", b.text(t, `li.entry[data-action="note"] blockquote`))
	b.do(t, chromedp.SendKeys(chromedp.CSS(`#assign-form input[name="assignee"]`), "bob"))
	b.press(t, "#assign", `li.entry[data-action="assign"]`)
	require.Equal(t, "bob", b.text(t, "#triage-assignee"))
	b.do(t, chromedp.SetValue(chromedp.CSS("#close-reason"), "true_positive"))
	b.press(t, "#close", "#reopen")
	require.Equal(t, "true_positive", b.text(t, "#triage-close-reason"))
	b.press(t, "#reopen", `li.entry[data-action="reopen"]`)
	require.Equal(t, "acknowledged", b.text(t, "#triage-status"))

	b.do(t, chromedp.SendKeys(chromedp.CSS(`#suppress-form input[name="reason"]`), "the owner's new VPN"))
	b.do(t, chromedp.Click(chromedp.CSS("#suppress-submit")))
	b.waitFor(t, `document.querySelector("#suppress-form output").textContent.startsWith("Added sup_")`)
	b.open(t, "/ui/suppressions", "#suppressions-table")
	require.Contains(t, b.text(t, "tr.suppression"), "the owner's new VPN")
	require.Contains(t, b.text(t, "tr.suppression"), "first_seen_asn")
	require.Empty(t, b.problems(), "errors or CSP violations in the console")
	b.do(t, chromedp.SetValue(chromedp.CSS(`#suppress-form input[name="rule"]`), "NOT A RULE"),
		chromedp.SendKeys(chromedp.CSS(`#suppress-form input[name="reason"]`), "x"), chromedp.Click(chromedp.CSS("#suppress-submit")))
	b.waitFor(t, `document.querySelector("#suppress-form output").textContent.startsWith("rule: ")`)
	b.press(t, "button.end-suppression", "tr.empty")
	require.Len(t, b.problems(), 1)
	require.Contains(t, b.problems()[0], "/api/v1/suppressions: Failed to load resource: the server responded with a status of 400",
		"only the refused suppression")
}

// TestBrowserBulkApproval: on the Responses page one analyst picks a
// proposal and requests its bulk approval; it waits for another analyst,
// who confirms it (approving the revocation) and rejects another proposal
// with a reason.
func TestBrowserBulkApproval(t *testing.T) {
	x, _ := newBrowserRig(t)
	seedIntents(t, x)
	b := newBrowser(t, x.srv.URL)
	b.signIn(t, "tok-acme")
	b.open(t, "/ui/responses?state=proposed", "#responses-table")
	b.do(t, chromedp.Click(chromedp.CSS(`input[data-pick][data-id="int_a1"]`)),
		chromedp.SendKeys(chromedp.CSS(`#bulk-approve input[name="reason"]`), "the leak of this morning"))
	b.press(t, "#request-bulk", "tr.bulk-request")
	require.Contains(t, b.text(t, "tr.bulk-request"), "waiting for another analyst")
	require.Contains(t, b.text(t, "tr.bulk-request"), "acme/int_a1")

	b.press(t, "#logout", "#token")
	b.signIn(t, "tok-analyst")
	b.open(t, "/ui/responses?state=proposed", "button.confirm-bulk")
	b.screenshot(t, "responses")
	b.press(t, "button.confirm-bulk", `#bulk-requests tr.empty`)
	b.do(t, chromedp.SendKeys(chromedp.CSS(`#intent-int_g1 input[name="reason"]`), "globex's own pentest"))
	b.press(t, "#reject-int_g1", `tr[data-intent="initech/int_i1"]`)
	require.NotContains(t, b.text(t, "#responses-table"), "int_g1", "no longer proposed")
	_, body := x.page(t, x.session(t, "tok-admin"), "/ui/responses")
	require.Regexp(t, `data-intent="acme/int_a1" data-state="approved"`, body)
	require.Regexp(t, `data-intent="globex/int_g1" data-state="rejected"`, body)
	require.Contains(t, body, "globex&#39;s own pentest")
	require.Empty(t, b.problems(), "errors or CSP violations in the console")
}
