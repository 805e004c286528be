package detect_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

// TestLeakReportRaisesNothingItDoesNotPrecede: a report raises no use that
// came before the leak, none of a token never used, no denied attempt (the
// state keeps none), none when it failed,
// none when the newest use is past the leak horizon (30 d: as a use after
// the report is judged), and none an earlier report already covered (a use
// after it, or the same report replayed).
func TestLeakReportRaisesNothingItDoesNotPrecede(t *testing.T) {
	report := leakReport("R", "tok", "acme", "scanner-webhook", "unknown", leakAt)
	before := abuseOf("before", "tok", "acme", "alice", leakAt.Add(-time.Minute), 3320)
	after := abuseOf("after", "tok", "acme", "mallory", leakAt.Add(40*time.Minute), 14061)
	failed := report
	failed.ID, failed.Outcome = "R-failed", "failure"
	ancient := report
	ancient.ID, ancient.Time = "R-ancient", after.Time.Add(-31*24*time.Hour)
	other := report
	other.ID, other.Actor.ID, other.Time = "R2", "github-secret-scanning", leakAt.Add(5*time.Minute)
	older := other
	older.ID, older.Time = "R3", leakAt.Add(-2*time.Hour)
	denied := after
	denied.ID, denied.Outcome = "denied", "denied"
	create := leakReport("mint", "fresh", "acme", "alice", "success", leakAt.Add(-time.Hour))
	create.Action, create.Actor.Type = "token.create", "user"
	for _, c := range []struct {
		name   string
		evs    []event.Event
		raises int // the index of the one event that raises leaked_token_used, -1 for none
	}{
		{"uses before the leak", []event.Event{before, report}, -1},
		{"never used", []event.Event{create, leakReport("R", "fresh", "acme", "scanner-webhook", "unknown", leakAt)}, -1},
		{"failed report", []event.Event{after, failed}, -1},
		{"newest use past the horizon", []event.Event{after, ancient}, -1},
		// The state keeps the newest successful use, no attempt: a denied
		// one before the report is not raised (after it, it is).
		{"denied attempt before the report", []event.Event{denied, report}, -1},
		{"denied attempt after the report", []event.Event{report, denied}, 1},
		{"second report after a use", []event.Event{report, after, other}, 1},
		{"older second report after a use", []event.Event{report, after, older}, 1},
		{"second report after the first", []event.Event{after, report, other}, 1},
		{"replayed report", []event.Event{after, report, report}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newEngine(t)
			run(t, e, history("tok"))
			var raised []int // events that changed a leaked_token_used alert, new or evidence
			for i := range c.evs {
				u, err := e.Process(context.Background(), &c.evs[i])
				require.NoError(t, err)
				for _, x := range u {
					if x.Alert.Rule == "leaked_token_used" {
						require.Equal(t, detect.UpdateNew, x.Kind, "%s raised an alert already raised", c.evs[i].ID)
						raised = append(raised, i)
					}
				}
			}
			want := []int{c.raises}
			if c.raises < 0 {
				want = nil
			}
			require.Equal(t, want, raised)
		})
	}
}

// TestLeakReportOfASecretRaisesItsReads: a stored secret reported leaked
// after it was read from elsewhere raises those reads.
func TestLeakReportOfASecretRaisesItsReads(t *testing.T) {
	var evs []event.Event
	for d := range 10 {
		evs = append(evs, secretRead(fmt.Sprintf("h%d", d), t0.Add(time.Duration(d)*24*time.Hour), 3320))
	}
	evs = append(evs, secretRead("read", leakAt.Add(90*time.Minute), 9009))
	report := event.Event{ID: "R", Time: leakAt, Action: "token.leak_reported", Outcome: "unknown", Tenant: "acme",
		Actor: event.Actor{ID: "scanner-webhook", Type: "service"}, Secret: event.Secret{ID: "sec_db", Tenant: "acme"}}
	a := rulesOf(run(t, newEngine(t), append(evs, report)))["leaked_token_used"]
	require.NotNil(t, a)
	require.Equal(t, "sec_db", a.Credential)
	require.Equal(t, []string{"R"}, a.EventIDs)
	require.Equal(t, []uint32{9009}, a.Explanation.Baseline.Sequence.UsedBeforeReport.ASNs)
}

// secretRead is a CI job reading the stored secret sec_db of acme from asn.
func secretRead(id string, at time.Time, asn uint32) event.Event {
	return event.Event{ID: id, Time: at, Action: "secret.read", Outcome: "success", Tenant: "acme",
		Actor: event.Actor{ID: "ci", Type: "service", Tenants: []string{"acme"}}, Secret: event.Secret{ID: "sec_db", Name: "DB_URL", Tenant: "acme"},
		Source: event.Source{ASN: asn, Country: "DE"}}
}
