package console

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/credwatch/credwatch/console/access"
	"github.com/credwatch/credwatch/store"
)

// forensicTokens are the forensic tests' users beyond the rig's.
var forensicTokens = map[string]access.User{
	"tok-globex-viewer":       {Name: "gil", Role: access.Viewer, Tenants: []string{"globex"}},
	"tok-globex-analyst":      {Name: "gia", Role: access.Analyst, Tenants: []string{"globex"}},
	"tok-globex-investigator": {Name: "giv", Role: access.Investigator, Tenants: []string{"globex"}},
}

// forensicUsers knows forensicTokens and the rig's tokens.
type forensicUsers struct{}

func (forensicUsers) Authenticate(ctx context.Context, token string) (access.User, error) {
	if u, ok := forensicTokens[token]; ok {
		return u, nil
	}
	return fakeUsers{}.Authenticate(ctx, token)
}

// serveForensicUsers points x at a server that knows forensicTokens too.
func (x *rig) serveForensicUsers(t *testing.T) {
	x.console = New(Config{Store: x.st, Users: forensicUsers{}, Actions: x.actions, Now: func() time.Time { return now },
		Log: slog.New(slog.DiscardHandler), PlainHTTP: true})
	x.srv = httptest.NewServer(x.console.Handler())
	t.Cleanup(x.srv.Close)
}

// pageAlerts: the alert page's alert in globex (tok_acme used by mallory;
// two revisions), alerts related by credential or actor, and alerts that
// are not (another credential and actor, another tenant), one with an
// explanation that is not JSON.
func pageAlerts(t *testing.T) store.Rows {
	rows := testAlerts()
	rows.Values = nil
	add := func(tenant, id string, revision uint32, rule, credential, actor string, last time.Time, explanation string, sup [3]string) {
		suppressed, reason := uint8(0), "test alert"
		if sup[0] != "" {
			suppressed = 1
		}
		if id == "alr_page" {
			reason = "token of tenant acme used on private model of tenant globex"
		}
		rows.Values = append(rows.Values, []any{tenant, id, revision, "new", uint8(1), rule, rule, "high", "revoke", uint8(0),
			suppressed, sup[0], sup[1], sup[2], credential, actor, now.Add(-3 * time.Hour), last, revision, uint32(3),
			reason, explanation, last})
	}
	none := [3]string{}
	add("globex", "alr_page", 1, "cross_tenant_private", "tok_acme", "mallory", now.Add(-3*time.Hour), "{}", none)
	add("globex", "alr_page", 2, "cross_tenant_private", "tok_acme", "mallory", now.Add(-2*time.Hour), pageExplanation(t), none)
	add("globex", "alr_rel_cred", 1, "first_seen_asn", "tok_acme", "someone", now.Add(-150*time.Minute), "{}",
		[3]string{"sup_1", "sam", "known VPN"})
	add("globex", "alr_rel_actor", 1, "enumeration", "tok_other", "mallory", now.Add(-time.Hour), "not json", none)
	add("globex", "alr_unrelated", 1, "enumeration", "tok_x", "nobody-else", now.Add(-time.Hour), "{}", none)
	add("acme", "alr_acme_mal", 1, "enumeration", "tok_acme", "mallory", now.Add(-time.Hour), "{}", none)
	return rows
}

// pageEvidence: the page alert's two evidence events and one the store
// no longer holds.
func pageEvidence() store.Rows {
	rows := store.Rows{Table: "alert_evidence", Columns: []string{"tenant", "alert_id", "event_id", "seq", "rule", "credential", "first_seen"}}
	for i, id := range []string{"mal-globex-1", "mal-globex-2", "gone-event"} {
		rows.Values = append(rows.Values, []any{"globex", "alr_page", id, uint32(i), "cross_tenant_private", "tok_acme",
			now.Add(-3 * time.Hour)})
	}
	return rows
}

// pageIntents: a revocation of tok_acme kept under acme (the credential's
// tenant) through four transitions, a notification under globex, and an
// intent of another alert.
func pageIntents() store.Rows {
	rows := store.Rows{Table: "response_intents", Columns: []string{"tenant", "intent_id", "seq", "state", "action", "decision",
		"credential", "alert_id", "rule", "severity", "reason", "by", "dry_run", "attempt", "detail", "payload", "created", "at"}}
	created := now.Add(-110 * time.Minute)
	for i, s := range []struct{ state, by, detail string }{{"proposed", "respond", ""}, {"approved", "ann", "confirmed theft"},
		{"delivering", "respond", ""}, {"delivered", "respond", "HTTP 200"}} {
		rows.Values = append(rows.Values, []any{"acme", "int_revoke", uint32(i + 1), s.state, "revoke", "approve", "tok_acme",
			"alr_page", "cross_tenant_private", "high", "policy: approve", s.by, uint8(0), uint32(i / 2), s.detail,
			`{"secret":"payload"}`, created, created.Add(time.Duration(i) * time.Minute)})
	}
	rows.Values = append(rows.Values,
		[]any{"globex", "int_notify", uint32(1), "delivered", "notify", "notify", "tok_acme", "alr_page", "cross_tenant_private",
			"high", "policy: notify", "respond", uint8(0), uint32(1), "", "", created.Add(time.Minute), created.Add(time.Minute)},
		[]any{"globex", "int_other", uint32(1), "proposed", "revoke", "approve", "tok_other", "alr_rel_actor", "enumeration",
			"high", "", "respond", uint8(0), uint32(0), "", "", created, created})
	return rows
}
