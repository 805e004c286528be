package console

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// TestBrowserConsole signs in with a token as a person would, sees the
// queue (and a new alert arrive without a reload), opens an alert, reads
// its explanation, opens its credential's timeline and sees the chart drawn
// and the events; nothing on the way writes an error or a CSP violation to
// the console. With -update it saves the login page's screenshot (the
// end-to-end test takes the others).
func TestBrowserConsole(t *testing.T) {
	x, _ := newBrowserRig(t)
	b := newBrowser(t, x.srv.URL)
	b.open(t, "/ui/alerts", "#token")
	require.Equal(t, "/login", b.path(t), "no session: the login page")
	b.screenshot(t, "login")
	b.do(t, chromedp.SendKeys(chromedp.CSS("#token"), "tok-admin"), chromedp.Click(chromedp.CSS("#sign-in")),
		chromedp.WaitVisible(chromedp.CSS("#alerts-table")))
	require.Equal(t, "/ui/alerts", b.path(t))
	require.Equal(t, "ada", b.text(t, "#who-name"))
	require.Equal(t, "admin", b.text(t, "#who-role"))
	require.Equal(t, 7, eval[int](t, b, `document.querySelectorAll("#alert-rows tr.alert").length`))
	require.Equal(t, "acme/alr_acme_shared", eval[string](t, b, `document.querySelector("#alert-rows tr.alert").dataset.alert`),
		"newest first")

	eval[bool](t, b, `window.notReloaded = true`)
	require.NoError(t, x.st.InsertRows(t.Context(), explainedAlert("globex", "alr_globex_new", now.Add(-time.Minute))))
	b.waitFor(t, `!!document.querySelector('tr[data-alert="globex/alr_globex_new"]')`)
	require.True(t, eval[bool](t, b, `window.notReloaded === true`), "the new alert came without a reload")

	b.do(t, chromedp.Click(chromedp.CSS(`tr[data-alert="acme/alr_acme_shared"] a.open`)),
		chromedp.WaitVisible(chromedp.CSS("#explanation-reason")))
	require.Equal(t, "/ui/alerts/acme/alr_acme_shared", b.path(t))
	require.Equal(t, "tok_shared was used from AS9009 (RO), a network it never used before", b.text(t, "#explanation-reason"))
	require.Contains(t, b.text(t, "#rule-facts"), "9009")
	require.Contains(t, b.text(t, "#explanation-description"), "neither it nor its owner")

	b.do(t, chromedp.Click(chromedp.CSS("#timeline-link")), chromedp.WaitVisible(chromedp.CSS("#events-table")))
	require.True(t, strings.HasPrefix(b.path(t), "/ui/credentials/tok_shared?from="), b.path(t))
	b.waitFor(t, `document.querySelector("#use-chart").dataset.state === "drawn"`)
	require.Equal(t, "10", eval[string](t, b, `document.querySelector("#use-chart").dataset.points`), "ten hours with uses")
	require.Positive(t, eval[int](t, b, `(() => {
		const c = document.querySelector("#use-chart canvas");
		const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		let painted = 0;
		for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) painted++; }
		return painted;
	})()`), "the chart's canvas is drawn on")
	require.Equal(t, 10, eval[int](t, b, `document.querySelectorAll("#events-table tr.event").length`))
	require.Contains(t, b.text(t, "#networks-table"), "9009")
	require.Empty(t, b.problems(), "errors or CSP violations in the console")
}

// TestBrowserLoginLink: a one-time link signs in; after signing out the same
// link is refused and the pages ask for a login again.
func TestBrowserLoginLink(t *testing.T) {
	x, _ := newBrowserRig(t)
	b := newBrowser(t, x.srv.URL)
	link, err := x.console.LoginLink(access.User{Name: "ivo", Role: access.Investigator, Tenants: []string{"acme", "globex"}})
	require.NoError(t, err)
	b.open(t, link, "#alerts-table")
	require.Equal(t, "/ui/alerts", b.path(t))
	require.Equal(t, "acme, globex", b.text(t, "#who-scope"))
	require.Equal(t, 5, eval[int](t, b, `document.querySelectorAll("#alert-rows tr.alert").length`), "acme's and globex's")

	b.do(t, chromedp.Click(chromedp.CSS("#logout")), chromedp.WaitVisible(chromedp.CSS("#token")))
	require.Equal(t, "/login", b.path(t))
	b.open(t, link, "#login-error")
	require.Contains(t, b.text(t, "#login-error"), "used already, or it expired")
	b.open(t, "/ui/alerts", "#token")
	require.Equal(t, "/login", b.path(t))
}
