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

// leakAt is when the tokens of these tests leak: the tenth day of their
// history, 09:00.
var leakAt = t0.Add(10 * 24 * time.Hour)

// abuseOf is a use of tok (of tenant) by actor from asn, after at.
func abuseOf(id, tok, tenant, actor string, at time.Time, asn uint32) event.Event {
	ev := use(id, tok, at, asn, "NL", 52.37, 4.9)
	ev.Tenant, ev.Token.Tenant = tenant, tenant
	ev.Actor = event.Actor{ID: actor, Type: "user", Tenants: []string{tenant}}
	return ev
}

// TestLeakReportArrivingAfterUsesRaisesThem: a scanner reports at 12:00 a
// token that leaked at 09:00 (the report's time); it was used at 10:00, and
// that use was judged without a leak context. The report raises it itself,
// whoever used it, from wherever, with whatever outcome the report carries.
func TestLeakReportArrivingAfterUsesRaisesThem(t *testing.T) {
	for i, c := range []struct {
		tok, tenant, owner, actor, outcome string
		uses                               []time.Duration // after the leak
		asns                               []uint32        // of each use
		wantASNs                           []uint32        // newest first
	}{
		{"tok", "acme", "alice", "mallory", "success", []time.Duration{time.Hour}, []uint32{14061}, []uint32{14061}},
		{"tok_gx", "globex", "bob", "bob", "unknown", []time.Duration{5 * time.Minute, 30 * time.Minute}, []uint32{9009, 9009}, []uint32{9009}},
		{"tok_in", "Initech", "carol", "eve", "denied", []time.Duration{2 * time.Minute, 3 * time.Hour}, []uint32{14061, 16509}, []uint32{16509, 14061}},
		{"tok_home", "acme", "dave", "dave", "unknown", []time.Duration{2 * time.Hour}, []uint32{3320}, []uint32{3320}}, // the owner at home: a leaked token in use all the same
		{"tok_late", "umbrella", "erin", "trent", "success", []time.Duration{20 * 24 * time.Hour}, []uint32{9009}, []uint32{9009}},
	} {
		t.Run(fmt.Sprintf("%d-%s", i, c.tok), func(t *testing.T) {
			leak := leakAt.Add(time.Duration(i) * 37 * time.Minute)
			evs := historyOf(c.tok, c.tenant, c.owner, 3320)
			for j, after := range c.uses {
				evs = append(evs, abuseOf(fmt.Sprintf("use%d", j), c.tok, c.tenant, c.actor, leak.Add(after), c.asns[j]))
			}
			report := leakReport("report", c.tok, c.tenant, "scanner-webhook", c.outcome, leak)
			e := newEngine(t)
			before := rulesOf(run(t, e, evs))
			require.NotContains(t, before, "leaked_token_used", "nothing said it leaked yet")
			u, err := e.Process(context.Background(), &report)
			require.NoError(t, err)
			a := leakedUpdate(t, u)
			require.Equal(t, detect.UpdateNew, a.Kind)
			require.Equal(t, []string{"report"}, a.Alert.EventIDs)
			require.Equal(t, "critical", a.Alert.Severity)
			require.Equal(t, c.tok, a.Alert.Credential)
			prior := a.Alert.Explanation.Baseline.Sequence.UsedBeforeReport
			require.NotNil(t, prior)
			last := c.uses[len(c.uses)-1]
			require.InDelta(t, last.Minutes(), prior.MinutesAfterLeak, 0.1)
			require.True(t, leak.Add(last).Equal(prior.LastUse))
			require.Equal(t, c.wantASNs, prior.ASNs)
			require.Equal(t, c.wantASNs[0], prior.ASN)
			require.Contains(t, a.Alert.Explanation.Reason, fmt.Sprintf("AS%d", c.wantASNs[0]))
		})
	}
}

// TestAnOlderLeakTimeRaisesUsesANewerReportCouldNot: a report whose leak
// is older than an armed report's raises the uses between the two, which
// were judged before either covered them.
func TestAnOlderLeakTimeRaisesUsesANewerReportCouldNot(t *testing.T) {
	newer := leakReport("R-new", "tok", "acme", "github-secret-scanning", "success", leakAt.Add(2*time.Hour))
	between := abuseOf("between", "tok", "acme", "mallory", leakAt.Add(time.Hour), 14061)
	older := leakReport("R-old", "tok", "acme", "scanner-webhook", "unknown", leakAt)
	e := newEngine(t)
	run(t, e, append(history("tok"), between, newer))
	require.Empty(t, alertsOf(e, "leaked_token_used"), "the use came before the newer report's leak")
	u, err := e.Process(context.Background(), &older)
	require.NoError(t, err)
	a := leakedUpdate(t, u).Alert
	require.Equal(t, []string{"R-old"}, a.EventIDs)
	require.InDelta(t, 60, a.Explanation.Baseline.Sequence.UsedBeforeReport.MinutesAfterLeak, 0.1)
}

// leakedUpdate is the one leaked_token_used update among u.
func leakedUpdate(t *testing.T, u []detect.Update) detect.Update {
	t.Helper()
	var out []detect.Update
	for _, x := range u {
		if x.Alert.Rule == "leaked_token_used" {
			out = append(out, x)
		}
	}
	require.Len(t, out, 1, "updates: %v", u)
	return out[0]
}
