package detect_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/credwatch/credwatch/detect"
	"github.com/credwatch/credwatch/event"
)

// TestEstablishedCrossingIsQuiet: a shared-services role of account "ops"
// reads a secret of account "prod" every night with a new session key. Once
// its crossing is older than the learning period and recurred on 3 days or
// more, the next night is quiet; a first crossing by another principal, into
// another tenant, or one that recurred too seldom still alerts, whatever the
// history's order or the tenant's spelling. A scanner that has read six
// tenants' secrets nightly for weeks is quiet in a seventh; in its first
// week it is not.
func TestEstablishedCrossingIsQuiet(t *testing.T) {
	for _, c := range []struct {
		name                string
		nights              []int // the history's nights (days after t0)
		owner, tenant       string
		reversed, wantAlert bool
	}{
		{"nightly reader", span(20), "role/reader", "prod", false, false},
		{"nightly, history out of order", span(20), "role/reader", "prod", true, false},
		{"nightly, tenant spelled otherwise", span(20), "role/reader", "PROD", false, false},
		{"another principal", span(20), "user/mallory", "prod", false, true},
		{"another tenant", span(20), "role/reader", "finance", false, true},
		{"two nights only", []int{1, 12}, "role/reader", "prod", false, true},
		{"younger than the learning period", []int{15, 16, 17, 18, 19}, "role/reader", "prod", false, true},
		{"the owner worked there as a member", nil, "role/reader", "prod", false, true},
		{"the owner read its public resources", []int{}, "role/reader", "prod", false, true},
		{"a scanner into a new tenant", nil, "role/scanner", "newco", false, false},
		{"a scanner's first week", nil, "role/scanner", "newco", false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			var evs []event.Event
			for _, n := range c.nights {
				evs = append(evs, crossRead(fmt.Sprint("n", n), "role/reader", "prod", t0.Add(time.Duration(n)*24*time.Hour)))
			}
			switch {
			case c.owner == "role/scanner": // reads every tenant's secrets nightly
				evs = scanning(strings.HasSuffix(c.name, "first week"))
			case len(c.nights) == 0: // the owner's own uses that cross no line, then a thief's
				evs = crossingNothing(c.nights == nil)
			}
			if c.reversed {
				slices.Reverse(evs)
			}
			evs = append(evs, crossRead("last", c.owner, c.tenant, t0.Add(21*24*time.Hour)))
			alerted := slices.ContainsFunc(run(t, newEngine(t), evs), func(a *detect.Alert) bool {
				return a.Rule == "cross_tenant_private" && slices.Contains(a.EventIDs, "last")
			})
			require.Equal(t, c.wantAlert, alerted)
		})
	}
}

// crossRead is a secret read in tenant by a new session key of owner,
// whose account is "ops".
func crossRead(id, owner, tenant string, at time.Time) event.Event {
	return event.Event{ID: id, Time: at, Action: "secret.read", Outcome: "success", Tenant: tenant,
		Actor:  event.Actor{ID: owner + "/session-" + id, Type: "service", Tenants: []string{"ops"}},
		Token:  event.Token{ID: "ASIA" + id, Kind: "session", Tenant: "ops", Owner: owner},
		Secret: event.Secret{ID: "shared/api-key", Tenant: "prod"}, Source: event.Source{ASN: 16509, Country: "US"}}
}

// crossingNothing is 20 nights of the owner's uses in prod that cross no
// line: as a member of prod, or (member false) of a public resource.
func crossingNothing(member bool) []event.Event {
	var evs []event.Event
	for _, n := range span(20) {
		ev := crossRead(fmt.Sprint("m", n), "role/reader", "prod", t0.Add(time.Duration(n)*24*time.Hour))
		if member {
			ev.Actor.Tenants = []string{"ops", "Prod"}
		} else {
			ev.Action, ev.Secret = "token.use", event.Secret{}
			ev.Resource = event.Resource{Type: "model", ID: "prod/open-model", Visibility: "public"}
		}
		evs = append(evs, ev)
	}
	return evs
}

// scanning is a platform scanner of "ops" reading a secret of each of six
// tenants nightly for 20 nights (firstWeek: for the 6 nights before the
// last).
func scanning(firstWeek bool) []event.Event {
	var evs []event.Event
	for _, n := range span(20) {
		if firstWeek && n < 15 {
			continue
		}
		for _, tenant := range []string{"t1", "t2", "t3", "t4", "t5", "t6"} {
			ev := crossRead(fmt.Sprint(tenant, "-", n), "role/scanner", tenant, t0.Add(time.Duration(n)*24*time.Hour))
			ev.Secret.Tenant = tenant
			evs = append(evs, ev)
		}
	}
	return evs
}

// span is nights 1 to n.
func span(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i + 1
	}
	return out
}
