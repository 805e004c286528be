package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// leakReport is reporter's report that tok (of tenant) leaked, at the
// report's event time at, with the outcome the vendor gave (often none:
// "unknown").
func leakReport(id, tok, tenant, reporter, outcome string, at time.Time) event.Event {
	return event.Event{ID: id, Time: at, Action: "token.leak_reported", Outcome: outcome, Tenant: tenant,
		Actor: event.Actor{ID: reporter, Type: "service"}, Token: event.Token{ID: tok, Tenant: tenant},
		Resource: event.Resource{Type: "token", ID: tok}}
}

// historyOf is ten days of owner's tok (of tenant) used daily from home.
func historyOf(tok, tenant, owner string, home uint32) []event.Event {
	evs := history(tok)
	for i := range evs {
		evs[i].Tenant, evs[i].Token.Tenant, evs[i].Source.ASN = tenant, tenant, home
		evs[i].Actor = event.Actor{ID: owner, Type: "user", Tenants: []string{tenant}}
	}
	return evs
}

// TestLeakReportArmsUnlessItFailed: secret scanning and scanner webhooks
// often carry no outcome ("unknown"); a report arms the leak unless it says
// it failed, whoever reported it, whatever the token, tenant, wait or network.
func TestLeakReportArmsUnlessItFailed(t *testing.T) {
	for i, c := range []struct {
		outcome, tok, tenant, owner, reporter string
		wait                                  time.Duration
		asn                                   uint32
		useOutcome                            string
		arms                                  bool
	}{
		{"unknown", "tok_gh", "acme", "alice", "github-secret-scanning", 20 * time.Minute, 14061, "success", true},
		{"unknown", "tok_hook", "globex", "bob", "scanner-webhook", 3 * time.Hour, 9009, "denied", true},
		{"unknown", "tok_late", "Initech", "carol", "trufflehog", 29 * 24 * time.Hour, 16509, "failure", true},
		{"success", "tok_ok", "acme", "dave", "github-secret-scanning", time.Minute, 14061, "success", true},
		{"denied", "tok_den", "umbrella", "erin", "scanner-webhook", 2 * time.Hour, 9009, "success", true},
		{"failure", "tok_fail", "acme", "frank", "scanner-webhook", 20 * time.Minute, 14061, "success", false},
		{"failure", "tok_fail2", "globex", "grace", "github-secret-scanning", 5 * 24 * time.Hour, 9009, "denied", false},
	} {
		t.Run(fmt.Sprintf("%d-%s-%s", i, c.outcome, c.tok), func(t *testing.T) {
			evs := historyOf(c.tok, c.tenant, c.owner, 3320)
			leak := leakReport("leak-"+c.tok, c.tok, c.tenant, c.reporter, c.outcome, t0.Add(10*24*time.Hour+time.Duration(i)*time.Hour))
			abuse := use("abuse-"+c.tok, c.tok, leak.Time.Add(c.wait), c.asn, "NL", 52.37, 4.9)
			abuse.Tenant, abuse.Token.Tenant, abuse.Outcome = c.tenant, c.tenant, c.useOutcome
			a := rulesOf(run(t, newEngine(t), append(evs, leak, abuse)))["leaked_token_used"]
			if !c.arms {
				require.Nil(t, a, "a failed report armed the leak")
				return
			}
			require.NotNil(t, a, "a %s report did not arm the leak", c.outcome)
			require.Equal(t, []string{abuse.ID}, a.EventIDs)
			require.Equal(t, leak.ID, a.Explanation.Baseline.Sequence.LeakReported.EventID)
		})
	}
}

// TestAFailedReportNeitherArmsNorDisarms: a newer report that failed leaves
// an older armed one armed, in either arrival order.
func TestAFailedReportNeitherArmsNorDisarms(t *testing.T) {
	armed := leakReport("leak", "tok", "acme", "scanner-webhook", "unknown", t0.Add(10*24*time.Hour))
	failed := leakReport("leak-failed", "tok", "acme", "github-secret-scanning", "failure", armed.Time.Add(time.Hour))
	abuse := use("abuse", "tok", failed.Time.Add(time.Hour), 14061, "NL", 52.37, 4.9)
	for _, order := range [][]event.Event{{armed, failed, abuse}, {failed, armed, abuse}} {
		a := rulesOf(run(t, newEngine(t), append(history("tok"), order...)))["leaked_token_used"]
		require.NotNil(t, a)
		require.Equal(t, "leak", a.Explanation.Baseline.Sequence.LeakReported.EventID)
	}
}

// TestOtherFirstStepsArmOnSuccessOnly: a creation, revocation or
// duplication whose outcome is unknown may not have happened, so it arms
// nothing (a successful one does, the control).
func TestOtherFirstStepsArmOnSuccessOnly(t *testing.T) {
	for _, outcome := range []string{"success", "unknown", "denied", "failure"} {
		fires := outcome == "success"
		t.Run(outcome, func(t *testing.T) {
			create := use("mint", "new", t0.Add(10*24*time.Hour), 3320, "DE", 52.5, 13.4)
			create.Action, create.Outcome = "token.create", outcome
			away := use("away", "new", create.Time.Add(4*time.Minute), 14061, "SG", 1.29, 103.85)
			got := rulesOf(run(t, newEngine(t), append(history("old"), create, away)))
			require.Equal(t, fires, got["minted_then_used_elsewhere"] != nil, "minted on %s", outcome)

			revoke := use("revoke", "old", t0.Add(10*24*time.Hour), 3320, "DE", 52.5, 13.4)
			revoke.Action, revoke.Outcome = "token.revoke", outcome
			again := use("again", "new2", revoke.Time.Add(10*time.Minute), 9009, "RO", 44.4, 26.1)
			again.Action = "token.create"
			got = rulesOf(run(t, newEngine(t), append(history("old"), revoke, again)))
			require.Equal(t, fires, got["repersistence"] != nil, "revoked on %s", outcome)

			got = rulesOf(run(t, newEngine(t), duplicateThenProbe(outcome, "victim", "victim", []string{"evil"})))
			require.Equal(t, fires, got["space_duplicate_probe"] != nil, "duplicated on %s", outcome)
		})
	}
}
