package console

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/console/access"
)

// e2eTokens are the end-to-end test's users: an admin (who triages and
// investigates) and an analyst scoped to a tenant the attack touched
// but whose alert is not.
var e2eTokens = map[string]access.User{
	"tok-e2e-ada": {Name: "ada", Role: access.Admin},
	"tok-e2e-leo": {Name: "leo", Role: access.Analyst, Tenants: []string{"lumen-studio"}},
}

// e2eUsers authenticates e2eTokens.
type e2eUsers struct{}

// Authenticate is the user of token, one of e2eTokens.
func (e2eUsers) Authenticate(_ context.Context, token string) (access.User, error) {
	if u, ok := e2eTokens[token]; ok {
		return u, nil
	}
	return access.User{}, access.ErrUnauthorized
}

// The impossible travel scenario: kenji2434's token, used from the UK for
// nine days, then from AS20115 (US) minutes later. The default policy
// holds the revocation of a revoke-tier alert without an automatic
// trigger for an analyst.
const (
	travelTenant     = "open-foundry"
	travelCredential = "tok_4c5ce923fe5e750c"
	attackerASN      = "20115"
)

// TestBrowserEndToEnd is the console's acceptance: the impossible travel
// attack played through ingest, live detection and respond; in chromium an
// admin sees its alert in the queue, reads why, acknowledges it with a
// note, approves the revocation and watches it delivered (the webhook
// receiver got it, signed), finds the attacker's network and events on
// the credential's timeline and exports them as CSV; an analyst of
// another tenant the attacker touched sees nothing of the alert.
func TestBrowserEndToEnd(t *testing.T) {
	start := time.Now()
	p := newPipeline(t)
	played := p.play(t, "../testdata/scenarios/impossible_travel.jsonl")
	x := &rig{srv: p.srv, st: p.st, console: p.console, actions: &recorded{}}
	alert := p.waitForProposal(t, x)
	b := newBrowser(t, p.srv.URL)
	b.signIn(t, "tok-e2e-ada")
	row := `tr[data-alert="` + travelTenant + `/` + alert + `"]`
	b.within(t, 10*time.Second, chromedp.WaitVisible(chromedp.CSS(row)))
	require.Contains(t, b.text(t, row), "new")
	b.screenshot(t, "alerts")

	b.press(t, row+" a.open", "#explanation-reason")
	require.Contains(t, b.text(t, "#explanation-reason"), "km from GB to US")
	require.Contains(t, b.text(t, `tr[data-fact="travel"]`), "km/h")
	require.Contains(t, b.text(t, `tr[data-fact="credential.network"]`), "UNSEEN")
	b.waitFor(t, `document.querySelector("#around-chart").dataset.state === "drawn"`)
	b.press(t, "#acknowledge", `li.entry[data-action="acknowledge"]`)
	b.do(t, chromedp.SendKeys(chromedp.CSS("#note-form textarea"), "not a trip: revoking"))
	b.press(t, "#add-note", `li.entry[data-action="note"]`)

	b.press(t, `.intent[data-state="proposed"] button.approve`, `.intent[data-state="approved"], .intent[data-state="delivering"], .intent[data-state="delivered"]`)
	b.within(t, 20*time.Second, chromedp.WaitVisible(chromedp.CSS(`.intent[data-state="delivered"] li.transition[data-state="delivered"]`)))
	intent := b.text(t, `.intent[data-state="delivered"]`)
	require.Contains(t, intent, "approved")
	require.Contains(t, intent, "ada")
	revoked, forged := p.rcv.revoked()
	require.Equal(t, []string{travelCredential}, revoked, "the receiver got the revocation, signed")
	require.Zero(t, forged)
	b.screenshot(t, "alert")

	b.press(t, "#timeline-link", "#events-table")
	require.Contains(t, b.text(t, "#networks-table"), attackerASN)
	attacks := eval[int](t, b, `Array.from(document.querySelectorAll("#events-table tr.event")).filter(r => r.textContent.includes("AS`+attackerASN+`")).length`)
	require.Equal(t, 4, attacks, "the attacker's four events, in every tenant they touched")
	b.waitFor(t, `document.querySelector("#use-chart").dataset.state === "drawn"`)
	b.screenshot(t, "credential")
	export, err := url.Parse(eval[string](t, b, `document.querySelector("#export-csv").href`))
	require.NoError(t, err)
	csv := eval[string](t, b, `fetch(document.querySelector("#export-csv").href, {credentials: "same-origin"}).then(r => r.text())`)
	requireAttackCSV(t, csv, inRange(t, played, export.Query()))
	p.searchAttacker(t, b)

	require.Empty(t, b.problems(), "errors or CSP violations in the console")
	p.requireOtherTenantBlind(t, b, alert)
	require.Len(t, b.problems(), 1)
	require.Contains(t, b.problems()[0], "status of 404", "only the alert's page, refused to leo")
	require.Less(t, time.Since(start), 60*time.Second)
	t.Logf("end to end in %s", time.Since(start).Round(time.Millisecond))
}
