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

	"github.com/credwatch/credwatch/internal/testenv"
)

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
