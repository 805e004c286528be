package console

import (
	"encoding/csv"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/internal/testenv"
	"github.com/credwatch/credwatch/respond"
)

// waitForProposal waits for the alert of the impossible travel and the
// revocation respond proposed for it, and returns the alert's id.
func (p *pipeline) waitForProposal(t *testing.T, x *rig) string {
	var alert string
	testenv.Eventually(t, 45*time.Second, "the impossible travel alert, with its revocation proposed", func() bool {
		var list alertList
		if code, body := x.get(t, "tok-e2e-ada", "/api/v1/alerts?rule=impossible_travel"); code != http.StatusOK ||
			jsonInto(body, &list) != nil || len(list.Alerts) == 0 {
			return false
		}
		alert = list.Alerts[0].ID
		var rs struct{ Responses []Response }
		code, body := x.get(t, "tok-e2e-ada", "/api/v1/responses?state="+respond.StateProposed+"&alert="+url.QueryEscape(alert))
		return code == http.StatusOK && jsonInto(body, &rs) == nil && len(rs.Responses) == 1
	})
	return alert
}

// requireAttackCSV: the credential's export holds every event of the
// token in its range (want of the fixture's, and respond's response.*
// events about it), the attacker's four from AS20115 among them.
func requireAttackCSV(t *testing.T, text string, want []string) {
	rows, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	require.NoError(t, err)
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	var played, attacker []string
	for _, r := range rows[1:] {
		require.Equal(t, travelCredential, r[col["token.id"]])
		if strings.HasPrefix(r[col["id"]], "ee7098c1e1fe0145c-") { // not respond's response.* events about it
			played = append(played, r[col["id"]])
		}
		if r[col["source.asn"]] == attackerASN {
			attacker = append(attacker, r[col["id"]])
		}
	}
	require.ElementsMatch(t, want, played)
	require.ElementsMatch(t, []string{"ee7098c1e1fe0145c-34", "ee7098c1e1fe0145c-35", "ee7098c1e1fe0145c-36",
		"ee7098c1e1fe0145c-37"}, attacker)
}

// searchAttacker: the event search finds the attacker's network's events
// in the last day, whichever tenant they touched.
func (p *pipeline) searchAttacker(t *testing.T, b *browser) {
	now := time.Now().UTC()
	q := url.Values{"from": {now.Add(-24 * time.Hour).Format(time.RFC3339)}, "to": {now.Add(time.Minute).Format(time.RFC3339)},
		"eq": {"source.asn:" + attackerASN}}
	b.open(t, "/ui/events/search?"+q.Encode(), "#search-table")
	require.Equal(t, 4, eval[int](t, b, `document.querySelectorAll("#search-table tr.event").length`))
	require.Contains(t, b.text(t, "#search-table"), "lumen-studio")
	b.screenshot(t, "search")
}

// inRange are the ids of the events played from q's from to its to.
func inRange(t *testing.T, played []map[string]any, q url.Values) []string {
	from, err := time.Parse(time.RFC3339, q.Get("from"))
	require.NoError(t, err)
	to, err := time.Parse(time.RFC3339, q.Get("to"))
	require.NoError(t, err)
	var out []string
	for _, ev := range played {
		at, err := time.Parse(time.RFC3339Nano, ev["time"].(string))
		require.NoError(t, err)
		if !at.Before(from) && at.Before(to) {
			out = append(out, ev["id"].(string))
		}
	}
	return out
}

// requireOtherTenantBlind: an analyst of lumen-studio, where the attacker
// also went, sees nothing of open-foundry's alert: not in the queue, not
// by its address (answered as a missing alert), not its revocation.
func (p *pipeline) requireOtherTenantBlind(t *testing.T, b *browser, alert string) {
	b.press(t, "#logout", "#token")
	b.signIn(t, "tok-e2e-leo")
	require.Equal(t, "lumen-studio", b.text(t, "#who-scope"))
	require.Zero(t, eval[int](t, b, `document.querySelectorAll('#alert-rows tr[data-alert^="`+travelTenant+`/"]').length`))
	require.NotContains(t, b.text(t, "#alerts-table"), travelCredential)
	b.open(t, "/ui/alerts/"+travelTenant+"/"+alert, "#problem")
	require.Equal(t, "There is no such alert.", b.text(t, "#problem"))
	b.open(t, "/ui/responses", "#responses-table")
	require.NotContains(t, b.text(t, "#responses-table"), travelCredential)
}

// jsonInto decodes body into out.
func jsonInto(body []byte, out any) error { return json.Unmarshal(body, out) }
