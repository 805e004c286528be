package console

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/internal/testenv"
)

// TestBrowserConsole signs in with a token as a person would, sees the
// queue (and a new alert arrive without a reload), opens an alert, reads
// its explanation, opens its credential's timeline and sees the chart drawn
// and the events; nothing on the way writes an error or a CSP violation to
// the console. With -update it saves the screenshots of the README.
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
	b.screenshot(t, "alerts")

	b.do(t, chromedp.Click(chromedp.CSS(`tr[data-alert="acme/alr_acme_shared"] a.open`)),
		chromedp.WaitVisible(chromedp.CSS("#explanation-reason")))
	require.Equal(t, "/ui/alerts/acme/alr_acme_shared", b.path(t))
	require.Equal(t, "tok_shared was used from AS9009 (RO), a network it never used before", b.text(t, "#explanation-reason"))
	require.Contains(t, b.text(t, "#rule-facts"), "9009")
	require.Contains(t, b.text(t, "#explanation-description"), "neither it nor its owner")
	b.screenshot(t, "alert")

	b.do(t, chromedp.Click(chromedp.CSS("#timeline-link")), chromedp.WaitVisible(chromedp.CSS("#events-table")))
	require.Equal(t, "/ui/credentials/tok_shared", b.path(t))
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
	b.screenshot(t, "credential")
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

// TestBrowserRefusesForgedAndExpiredSessionsAndMissingCSRF: a forged session
// cookie and one past its idle time are sent to the login page; a
// state-changing request without the CSRF token is refused (403) and the
// same one with it goes through.
func TestBrowserRefusesForgedAndExpiredSessionsAndMissingCSRF(t *testing.T) {
	x, clk := newBrowserRig(t)
	b := newBrowser(t, x.srv.URL)
	_, err := chromedp.Call(b.ctx, network.SetCookie, network.SetCookieParams{Name: x.console.cookieName(),
		Value: strings.Repeat("A", 43), URL: x.srv.URL + "/"})
	require.NoError(t, err)
	b.open(t, "/ui/alerts", "#token")
	require.Equal(t, "/login", b.path(t), "a forged cookie")

	signIn := func() {
		b.open(t, "/login", "#token")
		b.do(t, chromedp.SendKeys(chromedp.CSS("#token"), "tok-acme"), chromedp.Click(chromedp.CSS("#sign-in")),
			chromedp.WaitVisible(chromedp.CSS("#alerts-table")))
	}
	signIn()
	clk.advance(12*time.Hour + time.Second)
	b.open(t, "/ui/alerts", "#token")
	require.Equal(t, "/login", b.path(t), "12 h unused")

	signIn()
	require.Equal(t, http.StatusOK, eval[int](t, b, `fetch("/api/v1/alerts").then(r => r.status)`), "the API takes the cookie")
	require.Equal(t, http.StatusForbidden, eval[int](t, b, `fetch("/logout", {method: "POST"}).then(r => r.status)`))
	require.Equal(t, http.StatusForbidden, eval[int](t, b, `fetch("/logout", {method: "POST",
		headers: {"X-CSRF-Token": "forged"}}).then(r => r.status)`))
	b.open(t, "/ui/alerts", "#alerts-table")
	require.Equal(t, "/ui/alerts", b.path(t), "still signed in")
	require.Equal(t, "/login", eval[string](t, b, `fetch("/logout", {method: "POST", headers: {"X-CSRF-Token":
		document.querySelector('meta[name="csrf-token"]').content}}).then(r => new URL(r.url).pathname)`))
	b.open(t, "/ui/alerts", "#token")
	require.Equal(t, "/login", b.path(t), "signed out")
}

// TestBrowserSeesCSPViolations: the console check the tests rely on catches
// an inline script and style under the pages' CSP.
func TestBrowserSeesCSPViolations(t *testing.T) {
	bad := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Security-Policy", pageCSP)
		_, _ = w.Write([]byte(`<!doctype html><p id="p" style="color:red">x</p><script>document.title = "ran"</script>`))
	}))
	t.Cleanup(bad.Close)
	b := newBrowser(t, bad.URL)
	b.open(t, "/", "#p")
	testenv.Eventually(t, 10*time.Second, "two CSP violations in the console", func() bool { return len(b.problems()) >= 2 })
	require.Len(t, b.problems(), 2, "the inline script and the inline style")
	require.NotEqual(t, "ran", eval[string](t, b, `document.title`))
}
