package detect_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/event"
)

// TestUsedAfterUnnamedLeak: after a leak report that names no credential
// (GitHub's secret scanning alert), a tenant credential's success from a
// network new to it and to the tenant within a day is
// used_after_unnamed_leak, whoever's token it is; not later, not from the
// tenant's networks, not in another tenant, not before the report, and not
// after a report that says it failed.
func TestUsedAfterUnnamedLeak(t *testing.T) {
	for _, c := range []struct {
		name    string
		owner   string
		after   time.Duration // the use, after the report (negative: before it)
		asn     uint32
		tenant  string // the report's
		outcome string // the report's
		fires   bool
	}{
		{"bob's token from a VPS minutes later", "bob", 4 * time.Minute, 200651, "acme", "unknown", true},
		{"alice's token from a cloud hours later", "alice", 3 * time.Hour, 14061, "acme", "success", true},
		{"a day and more later", "bob", 30 * time.Hour, 200651, "acme", "unknown", false},
		{"from the tenant's own network", "bob", 4 * time.Minute, 3320, "acme", "unknown", false},
		{"a report in another tenant", "bob", 4 * time.Minute, 200651, "globex", "unknown", false},
		{"the use before the report", "bob", -4 * time.Minute, 200651, "acme", "unknown", false},
		{"a report that says it failed", "bob", 4 * time.Minute, 200651, "acme", "failure", false},
		{"a CI bot that roams over cloud networks", "ci-bot", 4 * time.Minute, 200651, "acme", "unknown", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			at := t0.Add(11 * 24 * time.Hour)
			report := event.Event{ID: "alert57", Time: at, Action: "token.leak_reported", Outcome: c.outcome, Tenant: c.tenant,
				Actor: event.Actor{ID: "github", Type: "service"}}
			evs := append(historyOf("alicetok", "acme", "alice", 3320), historyOf("bobtok", "acme", "bob", 3320)...)
			evs = append(evs, roamingHistory("ci-bottok", "ci-bot", 12)...)
			used := use("clone", c.owner+"tok", at.Add(c.after), c.asn, "RU", 55.7, 37.6)
			used.Actor = event.Actor{ID: c.owner, Type: "user", Tenants: []string{"acme"}}
			if c.after < 0 {
				evs = append(evs, used, report)
			} else {
				evs = append(evs, report, used)
			}
			got := rulesOf(run(t, newEngine(t), evs))
			require.Equal(t, c.fires, got["used_after_unnamed_leak"] != nil, "%v", got)
		})
	}
}

// roamingHistory is owner's token used from n networks, one a day before
// t0's tenth day (a hosted runner's address blocks).
func roamingHistory(tok, owner string, n int) []event.Event {
	var evs []event.Event
	for i := range n {
		ev := use(fmt.Sprintf("r%s%d", tok, i), tok, t0.Add(time.Duration(i)*18*time.Hour), uint32(8000+i), "US", 37.4, -122.1)
		ev.Actor = event.Actor{ID: owner, Type: "service", Tenants: []string{"acme"}}
		evs = append(evs, ev)
	}
	return evs
}
